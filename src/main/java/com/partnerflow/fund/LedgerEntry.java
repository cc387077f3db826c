package com.partnerflow.fund;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One money movement; written once, never changed or deleted. */
@Entity
@Immutable
@Table(name = "fund_ledger_entry")
class LedgerEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String budgetId;

  @Enumerated(EnumType.STRING)
  @Column(name = "entry_type")
  private LedgerEntryType type;

  private BigDecimal amount;

  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(length = 3)
  private String currency;

  private String reference;
  private String idempotencyKey;
  private String actor;
  private String reason;
  private Instant createdAt;
  private String activityType;
  private boolean lapsed;

  protected LedgerEntry() {}

  /**
   * What insights sums an entry by: the activity type its reservation funds (none for allocations
   * and adjustments) and whether it lapses a milestone.
   */
  record Classification(String activityType, boolean lapsed) {
    static final Classification NONE = new Classification(null, false);
  }

  LedgerEntry(
      String budgetId,
      LedgerEntryType type,
      Money amount,
      String reference,
      String idempotencyKey,
      String actor,
      String reason,
      Instant createdAt,
      Classification classification) {
    this.budgetId = budgetId;
    this.type = type;
    this.amount = amount.amount();
    this.currency = amount.currency();
    this.reference = reference;
    this.idempotencyKey = idempotencyKey;
    this.actor = actor;
    this.reason = reason;
    // The column keeps microseconds; a replay must read back exactly what the first call returned.
    this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    this.activityType = classification.activityType();
    this.lapsed = classification.lapsed();
  }

  Long getId() {
    return id;
  }

  String getBudgetId() {
    return budgetId;
  }

  LedgerEntryType getType() {
    return type;
  }

  Money amount() {
    return new Money(amount, currency);
  }

  String getReference() {
    return reference;
  }

  String getIdempotencyKey() {
    return idempotencyKey;
  }

  String getActor() {
    return actor;
  }

  String getReason() {
    return reason;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  String getActivityType() {
    return activityType;
  }

  boolean isLapsed() {
    return lapsed;
  }
}
