package com.partnerflow.disbursement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Money instructed to a partner for one verified claim. There is exactly one per claim: its
 * idempotency key ({@code claim:<claimId>}) is UNIQUE in the database. A retry after a failure
 * reuses it with the next {@code attempt}.
 */
@Entity
@Table(name = "payment")
public class Payment {

  @Id private String id;
  private String claimId;
  private String mdfRequestId;
  private String partnerId;
  private BigDecimal amount;

  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(length = 3)
  private String currency;

  @Enumerated(EnumType.STRING)
  private PaymentStatus status;

  private String idempotencyKey;
  private String batchId;
  private String reference;
  private String failureReason;
  private int attempt;
  private Instant createdAt;
  private Instant updatedAt;
  @Version private long version;

  protected Payment() {}

  Payment(Claim claim, BigDecimal amount, Instant now) {
    this(claim, amount, keyFor(claim.getId()), now);
  }

  /** A payment for the claim under its own idempotency key (a dispute's corrective payment). */
  Payment(Claim claim, BigDecimal amount, String idempotencyKey, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.claimId = claim.getId();
    this.mdfRequestId = claim.getMdfRequestId();
    this.partnerId = claim.getPartnerId();
    this.amount = amount;
    this.currency = claim.getCurrency();
    this.status = PaymentStatus.INSTRUCTED;
    this.idempotencyKey = idempotencyKey;
    this.attempt = 1;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** The idempotency key of the claim's payment. */
  static String keyFor(String claimId) {
    return "claim:" + claimId;
  }

  void batched(String batchId, Instant now) {
    this.batchId = batchId;
    move(PaymentStatus.IN_BATCH, now);
  }

  void sent(Instant now) {
    move(PaymentStatus.SENT, now);
  }

  void confirmed(String reference, Instant now) {
    this.reference = reference;
    move(PaymentStatus.CONFIRMED, now);
  }

  void failed(String reason, Instant now) {
    this.failureReason = reason;
    move(PaymentStatus.FAILED, now);
  }

  /** Back to INSTRUCTED for the next run, out of its old batch. */
  void retry(Instant now) {
    this.batchId = null;
    this.attempt++;
    move(PaymentStatus.INSTRUCTED, now);
  }

  private void move(PaymentStatus status, Instant now) {
    this.status = status;
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getClaimId() {
    return claimId;
  }

  public String getMdfRequestId() {
    return mdfRequestId;
  }

  public String getPartnerId() {
    return partnerId;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getCurrency() {
    return currency;
  }

  public PaymentStatus getStatus() {
    return status;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getBatchId() {
    return batchId;
  }

  public String getReference() {
    return reference;
  }

  public String getFailureReason() {
    return failureReason;
  }

  public int getAttempt() {
    return attempt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
