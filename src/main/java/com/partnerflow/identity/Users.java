package com.partnerflow.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Everyone who can sign in. */
public interface Users extends JpaRepository<AppUser, Long> {

  Optional<AppUser> findByUsername(String username);

  boolean existsByUsername(String username);

  /** The users of one partner organisation, by username. */
  List<AppUser> findByPartnerIdOrderByUsername(String partnerId);

  /** The enabled members of a group who have an e-mail address, by username. */
  @Query(
      "select u from AppUser u join u.groups g where g = :group and u.enabled = true"
          + " and u.email is not null order by u.username")
  List<AppUser> findReachableMembersOf(String group);

  /** Every group that at least one user belongs to. */
  @Query("select distinct g from AppUser u join u.groups g")
  List<String> findAllGroupNames();
}
