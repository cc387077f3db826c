package com.partnerflow.dispute;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A partner's formal challenge of one decision. While it is open, {@code openSubjectKey} holds its
 * subject (UNIQUE in the database), so a subject has at most one open dispute even under concurrent
 * requests; resolving or withdrawing it clears the key.
 */
@Entity
@Table(name = "dispute")
public class Dispute {

  @Id private String id;
  private String partnerId;
  private String partnerTier;

  @Enumerated(EnumType.STRING)
  private SubjectType subjectType;

  private String subjectId;
  private String mdfRequestId;
  private String decisionType;
  private String deciderGroup;
  private String excludedUsers;
  private BigDecimal disputedAmount;

  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(length = 3)
  private String currency;

  @Enumerated(EnumType.STRING)
  private DisputeCategory category;

  private String explanation;

  @Enumerated(EnumType.STRING)
  private DisputeStatus status;

  @Enumerated(EnumType.STRING)
  private DisputeOutcome outcome;

  private BigDecimal settledAmount;
  private String outcomeReason;
  private String resolvedBy;
  private String classification;
  private String holderGroup;
  private Instant slaDueAt;
  private int escalations;
  private Instant steeringNotifiedAt;
  private String financeCommitment;
  private String correctivePaymentId;
  private String contextJson;
  private String openSubjectKey;
  private Long processInstanceKey;
  private String openedBy;
  private Instant openedAt;
  private Instant closedAt;
  private Instant updatedAt;
  @Version private long version;

  protected Dispute() {}

  Dispute(DisputeSubject subject, DisputeRequest request, String tier, String by, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.partnerId = subject.partnerId();
    this.partnerTier = tier;
    this.subjectType = subject.type();
    this.subjectId = subject.id();
    this.mdfRequestId = subject.mdfRequestId();
    this.decisionType = subject.decisionType();
    this.deciderGroup = subject.deciderGroup();
    this.excludedUsers = String.join(",", subject.deciders());
    this.disputedAmount = request.disputedAmount();
    this.currency = subject.currency();
    this.category = request.category();
    this.explanation = request.explanation().strip();
    this.status = DisputeStatus.OPEN;
    this.openSubjectKey = subjectKey(subject.type(), subject.id());
    this.openedBy = by;
    this.openedAt = now;
    this.updatedAt = now;
  }

  static String subjectKey(SubjectType type, String id) {
    return type.name() + ":" + id;
  }

  void started(long processInstanceKey) {
    this.processInstanceKey = processInstanceKey;
  }

  void triaged(String contextJson, Instant now) {
    this.contextJson = contextJson;
    this.updatedAt = now;
  }

  void holdBy(DisputeStatus status, String group, Instant dueAt, Instant now) {
    this.status = status;
    this.holderGroup = group;
    this.slaDueAt = dueAt;
    this.updatedAt = now;
  }

  void classified(String classification) {
    this.classification = classification;
  }

  void escalated() {
    this.escalations++;
  }

  void steeringNotified(Instant now) {
    this.steeringNotifiedAt = now;
    this.updatedAt = now;
  }

  void resolve(
      DisputeOutcome outcome,
      BigDecimal settledAmount,
      String reason,
      String by,
      String financeCommitment,
      Instant now) {
    this.status = DisputeStatus.RESOLVED;
    this.outcome = outcome;
    this.settledAmount = settledAmount;
    this.outcomeReason = reason;
    this.resolvedBy = by;
    this.financeCommitment = financeCommitment;
    this.holderGroup = null;
    this.slaDueAt = null;
    close(now);
  }

  void withdraw(Instant now) {
    this.status = DisputeStatus.WITHDRAWN;
    this.holderGroup = null;
    this.slaDueAt = null;
    close(now);
  }

  private void close(Instant now) {
    this.openSubjectKey = null;
    this.closedAt = now;
    this.updatedAt = now;
  }

  void correctivePayment(String paymentId) {
    this.correctivePaymentId = paymentId;
  }

  public String getId() {
    return id;
  }

  public String getPartnerId() {
    return partnerId;
  }

  public String getPartnerTier() {
    return partnerTier;
  }

  public SubjectType getSubjectType() {
    return subjectType;
  }

  public String getSubjectId() {
    return subjectId;
  }

  public String getMdfRequestId() {
    return mdfRequestId;
  }

  public String getDecisionType() {
    return decisionType;
  }

  public String getDeciderGroup() {
    return deciderGroup;
  }

  public List<String> getExcludedUsers() {
    return excludedUsers == null || excludedUsers.isEmpty()
        ? List.of()
        : Arrays.asList(excludedUsers.split(","));
  }

  public BigDecimal getDisputedAmount() {
    return disputedAmount;
  }

  public String getCurrency() {
    return currency;
  }

  public DisputeCategory getCategory() {
    return category;
  }

  public String getExplanation() {
    return explanation;
  }

  public DisputeStatus getStatus() {
    return status;
  }

  public DisputeOutcome getOutcome() {
    return outcome;
  }

  public BigDecimal getSettledAmount() {
    return settledAmount;
  }

  public String getOutcomeReason() {
    return outcomeReason;
  }

  public String getResolvedBy() {
    return resolvedBy;
  }

  public String getClassification() {
    return classification;
  }

  public String getHolderGroup() {
    return holderGroup;
  }

  public Instant getSlaDueAt() {
    return slaDueAt;
  }

  public int getEscalations() {
    return escalations;
  }

  public Instant getSteeringNotifiedAt() {
    return steeringNotifiedAt;
  }

  public String getFinanceCommitment() {
    return financeCommitment;
  }

  public String getCorrectivePaymentId() {
    return correctivePaymentId;
  }

  public String getContextJson() {
    return contextJson;
  }

  public Long getProcessInstanceKey() {
    return processInstanceKey;
  }

  public String getOpenedBy() {
    return openedBy;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
