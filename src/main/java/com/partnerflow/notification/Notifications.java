package com.partnerflow.notification;

import com.partnerflow.common.TemporarilyUnavailableException;
import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends templated mail (HTML and text) exactly once per idempotency key and records it in the
 * notification log. When SMTP is down the call fails, so a job worker's job fails with retries and
 * the mail goes out once SMTP is back; a retry after success sends nothing. Every attempt is kept
 * ({@link NotificationAttempts}), failed ones with the server's answer.
 */
@Service
public class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final NotificationLog notificationLog;
  private final NotificationAttempts attempts;
  private final MailTemplates templates;
  private final JavaMailSender mailSender;
  private final NotificationProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;

  Notifications(
      NotificationLog notificationLog,
      NotificationAttempts attempts,
      MailTemplates templates,
      JavaMailSender mailSender,
      NotificationProperties properties,
      TransactionTemplate transaction,
      Clock clock) {
    this.notificationLog = notificationLog;
    this.attempts = attempts;
    this.templates = templates;
    this.mailSender = mailSender;
    this.properties = properties;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Sends the mail unless a mail with the same idempotency key was sent already. */
  public NotificationRecord send(Notification notification) {
    String key = notification.idempotencyKey();
    NotificationRecord record = recordOf(notification);
    if (record.getStatus() == NotificationRecord.Status.SENT) {
      log.debug("Mail {} was sent already", key);
      return record;
    }
    Instant now = clock.instant();
    Integer attempt =
        transaction.execute(
            s ->
                notificationLog.takeForSending(key, now, now.minus(properties.sendingLease())) == 0
                    ? null
                    : notificationLog.findByIdempotencyKey(key).orElseThrow().getAttempts());
    if (attempt == null) {
      throw new TemporarilyUnavailableException("Mail " + key + " is being sent right now", null);
    }
    MailTemplates.RenderedMail mail =
        templates.render(notification.template(), notification.model());
    try {
      var message = mailSender.createMimeMessage();
      var helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(notification.recipient());
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
      message.setHeader("Message-ID", messageId(record));
      mailSender.send(message);
    } catch (MailException | MessagingException e) {
      String error = truncate(e.getMessage());
      transaction.executeWithoutResult(
          s -> {
            notificationLog.markFailed(key, error);
            attempts.save(
                new NotificationAttempt(
                    record.getId(), attempt, now, NotificationAttempt.Outcome.FAILED, error));
          });
      throw new TemporarilyUnavailableException(
          "Mail " + key + " could not be sent: " + e.getMessage(), e);
    }
    Instant sentAt = clock.instant();
    transaction.executeWithoutResult(
        s -> {
          notificationLog.markSent(key, mail.subject(), sentAt);
          attempts.save(
              new NotificationAttempt(
                  record.getId(), attempt, now, NotificationAttempt.Outcome.SENT, null));
        });
    log.info("Sent '{}' to {} ({})", mail.subject(), notification.recipient(), key);
    return notificationLog.findByIdempotencyKey(key).orElseThrow();
  }

  /**
   * The same for every attempt of one mail. When the server stored a mail but its acknowledgement
   * was lost (it stopped mid-answer), the retry delivers it again; SMTP cannot rule that out, but
   * with one Message-ID the recipient's mail system shows it once.
   */
  static String messageId(NotificationRecord record) {
    // The row's id, not its creation time: an instant read back from the database has lost digits.
    String unique = record.getIdempotencyKey() + "|" + record.getId();
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(unique.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
    return "<" + HexFormat.of().formatHex(hash, 0, 20) + "@notification.partnerflow>";
  }

  private NotificationRecord recordOf(Notification notification) {
    return notificationLog
        .findByIdempotencyKey(notification.idempotencyKey())
        .orElseGet(
            () -> {
              try {
                return transaction.execute(
                    s ->
                        notificationLog.saveAndFlush(
                            new NotificationRecord(notification, clock.instant())));
              } catch (DataIntegrityViolationException raced) {
                return notificationLog
                    .findByIdempotencyKey(notification.idempotencyKey())
                    .orElseThrow();
              }
            });
  }

  private static String truncate(String text) {
    if (text == null) {
      return null;
    }
    return text.length() <= 1000 ? text : text.substring(0, 1000);
  }
}
