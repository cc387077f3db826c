package com.partnerflow.mdf;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A partner's request for market development funds for one activity (a pre-approval). */
@Entity
@Table(name = "mdf_request")
public class MdfRequest {

  private static final String DISPUTE_STEP = "dispute:";

  @Id private String id;
  private String partnerId;
  private String submittedBy;

  @Enumerated(EnumType.STRING)
  private ActivityType activityType;

  private String title;
  private String description;
  private String region;
  private LocalDate startDate;
  private LocalDate endDate;
  private String currency;
  private BigDecimal totalCost;
  private BigDecimal requestedAmount;
  private BigDecimal partnerContribution;
  private Long expectedRegistrations;
  private Long expectedLeads;
  private BigDecimal expectedPipeline;

  @Enumerated(EnumType.STRING)
  private MdfStatus status;

  private BigDecimal approvedAmount;
  private BigDecimal paidAmount = BigDecimal.ZERO;
  private BigDecimal releasedAmount = BigDecimal.ZERO;
  private Integer riskScore;
  private String riskLevel;

  @Column(name = "risk_signals")
  private String riskSignalsText;

  private int revisionRound;
  private String holderGroup;
  private Instant decisionDueAt;
  private Long processInstanceKey;
  private Instant submittedAt;
  private Instant updatedAt;
  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "mdf_milestone", joinColumns = @JoinColumn(name = "request_id"))
  @OrderColumn(name = "seq")
  private List<Milestone> milestones = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "mdf_decision", joinColumns = @JoinColumn(name = "request_id"))
  @OrderColumn(name = "seq")
  private List<MdfDecision> history = new ArrayList<>();

  protected MdfRequest() {}

  MdfRequest(String partnerId, String submittedBy, MdfRequestSubmission s, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.partnerId = partnerId;
    this.submittedBy = submittedBy;
    this.status = MdfStatus.SUBMITTED;
    this.submittedAt = now;
    apply(s, now);
  }

  /** Takes over the content of a (revised) submission. */
  void apply(MdfRequestSubmission s, Instant now) {
    this.activityType = ActivityType.valueOf(s.activityType());
    this.title = s.title();
    this.description = s.description();
    this.region = s.region();
    this.startDate = s.startDate();
    this.endDate = s.endDate();
    this.currency = s.currency();
    this.totalCost = s.totalCost();
    this.requestedAmount = s.requestedAmount();
    this.partnerContribution = s.partnerContribution();
    this.expectedRegistrations = s.expectedRegistrations();
    this.expectedLeads = s.expectedLeads();
    this.expectedPipeline = s.expectedPipeline();
    this.approvedAmount = null;
    this.milestones.clear();
    this.milestones.addAll(
        s.milestones().stream()
            .map(
                m ->
                    new Milestone(
                        m.name(),
                        m.plannedDate(),
                        m.sharePercent(),
                        UUID.randomUUID().toString(),
                        MilestoneStatus.PLANNED))
            .toList());
    this.updatedAt = now;
  }

  void record(MdfDecision decision) {
    history.add(decision);
    updatedAt = decision.time();
  }

  /**
   * {@code why} naming the disputes whose resolution approved the request or added to its approval
   * (their steps {@code dispute:<id>:approved} and {@code dispute:<id>:increased}), so every later
   * ledger movement of the request says which dispute caused it; {@code why} unchanged when no
   * dispute did.
   */
  String namingDisputes(String why) {
    List<String> disputes =
        history.stream()
            .map(MdfDecision::stepKey)
            .filter(
                k ->
                    k != null
                        && k.startsWith(DISPUTE_STEP)
                        && (k.endsWith(":approved") || k.endsWith(":increased")))
            .map(k -> k.substring(DISPUTE_STEP.length(), k.lastIndexOf(':')))
            .distinct()
            .toList();
    return disputes.isEmpty() ? why : why + " (dispute " + String.join(", ", disputes) + ")";
  }

  void moveTo(MdfStatus status, String holderGroup, Instant decisionDueAt, Instant now) {
    this.status = status;
    this.holderGroup = holderGroup;
    this.decisionDueAt = decisionDueAt;
    this.updatedAt = now;
  }

  void scored(int score, String level, List<String> signals) {
    this.riskScore = score;
    this.riskLevel = level;
    this.riskSignalsText = String.join("\n", signals);
  }

  void approve(BigDecimal amount) {
    this.approvedAmount = amount;
  }

  /** Sets the milestone's status; false when the request has no milestone of that id. */
  boolean markMilestone(String milestoneId, MilestoneStatus status, Instant now) {
    for (int i = 0; i < milestones.size(); i++) {
      Milestone milestone = milestones.get(i);
      if (milestone.id().equals(milestoneId)) {
        if (milestone.status() != status) {
          milestones.set(i, milestone.withStatus(status));
          updatedAt = now;
        }
        return true;
      }
    }
    return false;
  }

  void paid(BigDecimal amount) {
    this.paidAmount = paidAmount.add(amount);
  }

  void released(BigDecimal amount) {
    this.releasedAmount = releasedAmount.add(amount);
  }

  int nextRevisionRound() {
    return ++revisionRound;
  }

  /** Notes the process instance (again, after a revision, the same one). */
  void started(long processInstanceKey) {
    this.processInstanceKey = processInstanceKey;
  }

  public List<String> getRiskSignals() {
    return riskSignalsText == null || riskSignalsText.isEmpty()
        ? List.of()
        : List.of(riskSignalsText.split("\n"));
  }

  public String getId() {
    return id;
  }

  public String getPartnerId() {
    return partnerId;
  }

  public String getSubmittedBy() {
    return submittedBy;
  }

  public ActivityType getActivityType() {
    return activityType;
  }

  public String getTitle() {
    return title;
  }

  public String getDescription() {
    return description;
  }

  public String getRegion() {
    return region;
  }

  public LocalDate getStartDate() {
    return startDate;
  }

  public LocalDate getEndDate() {
    return endDate;
  }

  public String getCurrency() {
    return currency;
  }

  public BigDecimal getTotalCost() {
    return totalCost;
  }

  public BigDecimal getRequestedAmount() {
    return requestedAmount;
  }

  public BigDecimal getPartnerContribution() {
    return partnerContribution;
  }

  public Long getExpectedRegistrations() {
    return expectedRegistrations;
  }

  public Long getExpectedLeads() {
    return expectedLeads;
  }

  public BigDecimal getExpectedPipeline() {
    return expectedPipeline;
  }

  public MdfStatus getStatus() {
    return status;
  }

  public BigDecimal getApprovedAmount() {
    return approvedAmount;
  }

  public BigDecimal getPaidAmount() {
    return paidAmount;
  }

  public BigDecimal getReleasedAmount() {
    return releasedAmount;
  }

  public Integer getRiskScore() {
    return riskScore;
  }

  public String getRiskLevel() {
    return riskLevel;
  }

  public int getRevisionRound() {
    return revisionRound;
  }

  public String getHolderGroup() {
    return holderGroup;
  }

  public Instant getDecisionDueAt() {
    return decisionDueAt;
  }

  public Long getProcessInstanceKey() {
    return processInstanceKey;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public List<Milestone> getMilestones() {
    return List.copyOf(milestones);
  }

  public List<MdfDecision> getHistory() {
    return List.copyOf(history);
  }
}
