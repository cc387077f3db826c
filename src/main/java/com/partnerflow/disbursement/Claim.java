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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A partner's claim for one milestone: proof of performance, the amount asked and the decision. */
@Entity
@Table(name = "disbursement_claim")
public class Claim {

  @Id private String id;
  private String mdfRequestId;
  private String milestoneId;
  private String partnerId;

  @Enumerated(EnumType.STRING)
  private ClaimStatus status;

  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(length = 3)
  private String currency;

  private BigDecimal milestoneAmount;
  private BigDecimal actualCost;
  private BigDecimal claimedAmount;
  private BigDecimal approvedAmount;
  private String invoiceNumber;
  private String invoiceKey;
  private LocalDate invoiceDate;
  private String evidenceLinks;
  private Long registrations;
  private Long attendees;
  private Long leads;
  private Long opportunities;
  private BigDecimal pipelineCreated;
  private String submittedBy;
  private Instant submittedAt;
  private Instant verificationDueAt;
  private String decidedBy;
  private String verifiers;
  private String reason;
  private Instant createdAt;
  private Instant updatedAt;
  @Version private long version;

  protected Claim() {}

  Claim(
      String mdfRequestId,
      String milestoneId,
      String partnerId,
      BigDecimal milestoneAmount,
      String currency,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.mdfRequestId = mdfRequestId;
    this.milestoneId = milestoneId;
    this.partnerId = partnerId;
    this.milestoneAmount = milestoneAmount;
    this.currency = currency;
    this.status = ClaimStatus.OPEN;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void submit(ClaimValues v, String by, Instant now) {
    this.actualCost = v.actualCost();
    this.claimedAmount = v.claimedAmount();
    this.invoiceNumber = v.invoiceNumber();
    this.invoiceKey = ClaimValues.invoiceKey(v.invoiceNumber());
    this.invoiceDate = v.invoiceDate();
    this.evidenceLinks = String.join("\n", v.evidenceLinks());
    this.registrations = v.registrations();
    this.attendees = v.attendees();
    this.leads = v.leads();
    this.opportunities = v.opportunities();
    this.pipelineCreated = v.pipelineCreated();
    this.submittedBy = by;
    this.submittedAt = now;
    moveTo(ClaimStatus.SUBMITTED, now);
  }

  void decide(
      ClaimStatus status, BigDecimal approvedAmount, String by, String reason, Instant now) {
    this.approvedAmount = approvedAmount;
    this.decidedBy = by;
    this.reason = reason;
    moveTo(status, now);
  }

  /**
   * {@code by} took part in the claim's verification (any decision, also a request for evidence);
   * recorded once per person, a {@code system:…} actor never.
   */
  void verifiedBy(String by) {
    if (by == null || by.startsWith("system") || getVerifiers().contains(by)) {
      return;
    }
    this.verifiers = verifiers == null || verifiers.isEmpty() ? by : verifiers + "," + by;
  }

  /** Everyone who took part in the verification, in the order they decided. */
  public List<String> getVerifiers() {
    return verifiers == null || verifiers.isEmpty() ? List.of() : List.of(verifiers.split(","));
  }

  void verificationDue(Instant dueAt, Instant now) {
    this.verificationDueAt = dueAt;
    this.updatedAt = now;
  }

  void moveTo(ClaimStatus status, Instant now) {
    this.status = status;
    this.updatedAt = now;
  }

  public String getId() {
    return id;
  }

  public String getMdfRequestId() {
    return mdfRequestId;
  }

  public String getMilestoneId() {
    return milestoneId;
  }

  public String getPartnerId() {
    return partnerId;
  }

  public ClaimStatus getStatus() {
    return status;
  }

  public String getCurrency() {
    return currency;
  }

  public BigDecimal getMilestoneAmount() {
    return milestoneAmount;
  }

  public BigDecimal getActualCost() {
    return actualCost;
  }

  public BigDecimal getClaimedAmount() {
    return claimedAmount;
  }

  public BigDecimal getApprovedAmount() {
    return approvedAmount;
  }

  public String getInvoiceNumber() {
    return invoiceNumber;
  }

  public String getInvoiceKey() {
    return invoiceKey;
  }

  public LocalDate getInvoiceDate() {
    return invoiceDate;
  }

  public List<String> getEvidenceLinks() {
    return evidenceLinks == null || evidenceLinks.isEmpty()
        ? List.of()
        : Arrays.asList(evidenceLinks.split("\n"));
  }

  public Long getRegistrations() {
    return registrations;
  }

  public Long getAttendees() {
    return attendees;
  }

  public Long getLeads() {
    return leads;
  }

  public Long getOpportunities() {
    return opportunities;
  }

  public BigDecimal getPipelineCreated() {
    return pipelineCreated;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Instant getVerificationDueAt() {
    return verificationDueAt;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public String getReason() {
    return reason;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
