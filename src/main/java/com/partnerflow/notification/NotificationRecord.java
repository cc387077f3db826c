package com.partnerflow.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the notification log. */
@Entity
@Table(name = "notification")
public class NotificationRecord {

  /** Where a mail stands. */
  public enum Status {
    PENDING,
    SENDING,
    SENT
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String idempotencyKey;
  private String recipient;
  private String template;
  private String subject;

  @Enumerated(EnumType.STRING)
  private Status status;

  private int attempts;
  private String lastError;
  private Instant createdAt;
  private Instant attemptedAt;
  private Instant sentAt;

  protected NotificationRecord() {}

  NotificationRecord(Notification notification, Instant now) {
    this.idempotencyKey = notification.idempotencyKey();
    this.recipient = notification.recipient();
    this.template = notification.template();
    this.status = Status.PENDING;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getTemplate() {
    return template;
  }

  public String getSubject() {
    return subject;
  }

  public Status getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
