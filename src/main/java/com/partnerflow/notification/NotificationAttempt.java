package com.partnerflow.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One attempt to hand a mail to the SMTP server, with the server's answer when it failed: the
 * notification log's history of retries. Written once, never changed.
 */
@Entity
@Table(name = "notification_attempt")
public class NotificationAttempt {

  /** What the SMTP server answered. */
  public enum Outcome {
    SENT,
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long notificationId;
  private int attempt;

  /** When the attempt began. */
  private Instant attemptedAt;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  private String error;

  protected NotificationAttempt() {}

  NotificationAttempt(
      Long notificationId, int attempt, Instant attemptedAt, Outcome outcome, String error) {
    this.notificationId = notificationId;
    this.attempt = attempt;
    this.attemptedAt = attemptedAt;
    this.outcome = outcome;
    this.error = error;
  }

  public Long getNotificationId() {
    return notificationId;
  }

  public int getAttempt() {
    return attempt;
  }

  public Instant getAttemptedAt() {
    return attemptedAt;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public String getError() {
    return error;
  }
}
