package com.partnerflow.mdf;

import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** All MDF requests. */
public interface MdfRequests extends JpaRepository<MdfRequest, String> {

  List<MdfRequest> findByPartnerIdOrderBySubmittedAtDesc(String partnerId);

  List<MdfRequest> findAllByOrderBySubmittedAtDesc();

  /** The request a milestone belongs to (milestone ids are unique across requests). */
  @Query("select r from MdfRequest r join r.milestones m where m.id = :milestoneId")
  List<MdfRequest> findByMilestoneId(@Param("milestoneId") String milestoneId);

  /** Requests matching every given filter (a null filter matches all), newest first. */
  @Query(
      """
      select r from MdfRequest r
      where (:status is null or r.status = :status)
        and (:partnerId is null or r.partnerId = :partnerId)
        and (:submittedBefore is null or r.submittedAt <= :submittedBefore)
        and ((:tier is null and :region is null) or r.partnerId in (
              select p.id from Partner p
              where (:tier is null or p.tier = :tier) and (:region is null or p.region = :region)))
      order by r.submittedAt desc
      """)
  List<MdfRequest> findFiltered(
      @Param("status") MdfStatus status,
      @Param("partnerId") String partnerId,
      @Param("tier") Tier tier,
      @Param("region") Region region,
      @Param("submittedBefore") Instant submittedBefore);

  /** Requests submitted in [from, to), for simulations of the routing decision. */
  List<MdfRequest> findBySubmittedAtGreaterThanEqualAndSubmittedAtLessThan(
      Instant from, Instant to);
}
