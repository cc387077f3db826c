package com.partnerflow.identity;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Everyone who can sign in. */
public interface Users extends JpaRepository<AppUser, Long> {

  Optional<AppUser> findByUsername(String username);

  boolean existsByUsername(String username);
}
