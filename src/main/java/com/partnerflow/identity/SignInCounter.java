package com.partnerflow.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** Failed sign-ins of one username or from one client address, and the lock they caused. */
@Entity
@Table(name = "sign_in_counter")
class SignInCounter {

  /** What is counted. */
  enum Kind {
    ACCOUNT,
    ADDRESS
  }

  /** Longest subject stored; no username is longer, and longer ones share one counter. */
  static final int MAX_SUBJECT = 100;

  /** A username (lower case, so that case variants share a counter) or a client address. */
  @Embeddable
  static class Key implements Serializable {

    @Enumerated(EnumType.STRING)
    @Column(name = "kind")
    private Kind kind;

    @Column(name = "subject")
    private String subject;

    protected Key() {}

    Key(Kind kind, String subject) {
      this.kind = kind;
      this.subject = subject;
    }

    static Key account(String username) {
      return new Key(Kind.ACCOUNT, truncate(username.toLowerCase(Locale.ROOT)));
    }

    static Key address(String address) {
      return new Key(Kind.ADDRESS, truncate(address));
    }

    Kind kind() {
      return kind;
    }

    String subject() {
      return subject;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && kind == k.kind && subject.equals(k.subject);
    }

    @Override
    public int hashCode() {
      return Objects.hash(kind, subject);
    }
  }

  @EmbeddedId private Key key;

  private int failures;
  private Instant lastFailureAt;
  private Instant lockedUntil;

  protected SignInCounter() {}

  Key getKey() {
    return key;
  }

  int getFailures() {
    return failures;
  }

  Instant getLastFailureAt() {
    return lastFailureAt;
  }

  Instant getLockedUntil() {
    return lockedUntil;
  }

  void record(SignInBackoff.Failure failure) {
    this.failures = failure.failures();
    this.lastFailureAt = failure.at();
    // A failure never shortens a lock: attempts during a lock are refused before they count.
    if (failure.locks() && (lockedUntil == null || failure.lockedUntil().isAfter(lockedUntil))) {
      this.lockedUntil = failure.lockedUntil();
    }
  }

  /** Forgets the failures and lifts the lock. */
  void reset() {
    this.failures = 0;
    this.lastFailureAt = null;
    this.lockedUntil = null;
  }

  static String truncate(String subject) {
    return subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT);
  }
}
