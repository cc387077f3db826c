package com.partnerflow.identity;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Failure counters, shared by every instance through the database. */
interface SignInCounters extends Repository<SignInCounter, SignInCounter.Key> {

  Optional<SignInCounter> findById(SignInCounter.Key key);

  /**
   * Creates the empty counter unless it exists. A concurrent creator waits for the other's commit
   * instead of failing, so two first failures never collide.
   */
  @Modifying
  @Query(
      nativeQuery = true,
      value =
          """
          INSERT INTO sign_in_counter (kind, subject, failures)
          VALUES (:kind, :subject, 0)
          ON DUPLICATE KEY UPDATE failures = failures
          """)
  int createIfAbsent(@Param("kind") String kind, @Param("subject") String subject);

  /** Reads the counter with {@code SELECT … FOR UPDATE}: failures of one subject serialise here. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from SignInCounter c where c.key = :key")
  Optional<SignInCounter> lock(@Param("key") SignInCounter.Key key);

  /** Deletes counters whose failures are forgotten and whose lock has ended. */
  @Transactional
  @Modifying
  @Query(
      """
      delete from SignInCounter c
       where (c.lastFailureAt is null or c.lastFailureAt < :forgottenBefore)
         and (c.lockedUntil is null or c.lockedUntil < :now)
      """)
  int deleteExpired(@Param("forgottenBefore") Instant forgottenBefore, @Param("now") Instant now);
}
