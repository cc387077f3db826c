package com.partnerflow.dispute;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One step of a dispute's audit trail: who did what, the status after it, who holds the dispute,
 * why and when. {@code stepKey} (UNIQUE) names the process step, so a retried job writes it once.
 */
@Entity
@Table(name = "dispute_event")
public class DisputeEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String disputeId;
  private String action;

  @Enumerated(EnumType.STRING)
  private DisputeStatus status;

  private String actor;
  private String holderGroup;
  private String detail;
  private BigDecimal amount;
  private String stepKey;
  private Instant occurredAt;

  protected DisputeEvent() {}

  DisputeEvent(
      Dispute dispute,
      String action,
      String actor,
      String detail,
      BigDecimal amount,
      String stepKey,
      Instant at) {
    this.disputeId = dispute.getId();
    this.action = action;
    this.status = dispute.getStatus();
    this.actor = actor;
    this.holderGroup = dispute.getHolderGroup();
    this.detail =
        detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    this.amount = amount;
    this.stepKey = stepKey;
    this.occurredAt = at;
  }

  public String getAction() {
    return action;
  }

  public DisputeStatus getStatus() {
    return status;
  }

  public String getActor() {
    return actor;
  }

  public String getHolderGroup() {
    return holderGroup;
  }

  public String getDetail() {
    return detail;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getStepKey() {
    return stepKey;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }
}
