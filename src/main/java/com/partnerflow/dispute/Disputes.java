package com.partnerflow.dispute;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Every dispute. */
interface Disputes extends JpaRepository<Dispute, String> {

  List<Dispute> findAllByOrderByOpenedAtDesc();

  List<Dispute> findByPartnerIdOrderByOpenedAtDesc(String partnerId);

  /** The subject's open dispute ({@link Dispute#subjectKey}). */
  Optional<Dispute> findByOpenSubjectKey(String openSubjectKey);

  /**
   * The dispute under a row lock, so the process's steps and the partner's withdrawal serialise.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select d from Dispute d where d.id = :id")
  Optional<Dispute> lock(@Param("id") String id);
}
