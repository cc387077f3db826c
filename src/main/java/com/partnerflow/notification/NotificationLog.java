package com.partnerflow.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The notification log. */
public interface NotificationLog extends JpaRepository<NotificationRecord, Long> {

  Optional<NotificationRecord> findByIdempotencyKey(String idempotencyKey);

  List<NotificationRecord> findByRecipientOrderByCreatedAtDesc(String recipient);

  /**
   * Takes the right to send: only one sender at a time holds a mail, and a holder that died lets go
   * after the lease. Answers 1 for the holder.
   */
  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query(
      """
      update NotificationRecord n
         set n.status = com.partnerflow.notification.NotificationRecord.Status.SENDING,
             n.attempts = n.attempts + 1, n.attemptedAt = :now
       where n.idempotencyKey = :key
         and (n.status = com.partnerflow.notification.NotificationRecord.Status.PENDING
              or (n.status = com.partnerflow.notification.NotificationRecord.Status.SENDING
                  and n.attemptedAt < :leaseExpired))
      """)
  int takeForSending(
      @Param("key") String key,
      @Param("now") Instant now,
      @Param("leaseExpired") Instant leaseExpired);

  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query(
      """
      update NotificationRecord n
         set n.status = com.partnerflow.notification.NotificationRecord.Status.SENT,
             n.sentAt = :now, n.subject = :subject, n.lastError = null
       where n.idempotencyKey = :key
      """)
  int markSent(
      @Param("key") String key, @Param("subject") String subject, @Param("now") Instant now);

  @Modifying(clearAutomatically = true, flushAutomatically = true)
  @Query(
      """
      update NotificationRecord n
         set n.status = com.partnerflow.notification.NotificationRecord.Status.PENDING,
             n.lastError = :error
       where n.idempotencyKey = :key
      """)
  int markFailed(@Param("key") String key, @Param("error") String error);
}
