package com.partnerflow.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of the sign-in audit trail; entries are only ever added. */
@Entity
@Table(name = "sign_in_event")
class SignInEvent {

  /** What happened. */
  enum Action {
    /** A sign-in failed: wrong password, unknown or disabled user. */
    FAILED,
    /** Failures locked a username or a client address. */
    LOCKED,
    /** An admin lifted the lock and forgot the failures. */
    UNLOCKED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private Action action;

  private String username;
  private String clientAddress;
  private String actor;
  private String detail;
  private Instant occurredAt;

  protected SignInEvent() {}

  SignInEvent(
      Action action,
      String username,
      String clientAddress,
      String actor,
      String detail,
      Instant occurredAt) {
    this.action = action;
    this.username = username == null ? null : SignInCounter.truncate(username);
    this.clientAddress = clientAddress == null ? null : SignInCounter.truncate(clientAddress);
    this.actor = actor;
    this.detail = detail;
    this.occurredAt = occurredAt;
  }

  Long getId() {
    return id;
  }

  Action getAction() {
    return action;
  }

  String getUsername() {
    return username;
  }

  String getClientAddress() {
    return clientAddress;
  }

  String getActor() {
    return actor;
  }

  String getDetail() {
    return detail;
  }

  Instant getOccurredAt() {
    return occurredAt;
  }
}
