package com.partnerflow.mdf;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One entry of a request's decision history (the audit trail): who (the approval group, the partner
 * user, or {@code system}), what, at which approval level, why, the amount and when. {@code
 * stepKey} names the process step that wrote it, so a retried job does not write it twice. An entry
 * a decision table took (the risk assessment, the approval route) names that decision's id, version
 * and key: the version deployed with the request's process version, which the request keeps
 * whatever is deployed later.
 */
@Embeddable
public record MdfDecision(
    String actor,
    String action,
    @Column(name = "approval_level") String level,
    String reason,
    BigDecimal amount,
    @Column(name = "decided_at") Instant time,
    @JsonIgnore String stepKey,
    @JsonInclude(JsonInclude.Include.NON_NULL) String decisionId,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer decisionVersion,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long decisionKey) {

  /** Actions only internal users see: they reveal the risk assessment. */
  static final Set<String> INTERNAL_ACTIONS = Set.of("RISK_ASSESSED", "ROUTED");

  /** An entry that no decision table took. */
  public MdfDecision(
      String actor,
      String action,
      String level,
      String reason,
      BigDecimal amount,
      Instant time,
      String stepKey) {
    this(actor, action, level, reason, amount, time, stepKey, null, null, null);
  }

  /**
   * The entry as a partner sees it: the group that decided, never the person (as they see who holds
   * a request now); entries without a level (the partner's own, the system's) are unchanged.
   */
  MdfDecision asSeenByPartner() {
    return level == null
        ? this
        : new MdfDecision(level, action, level, reason, amount, time, stepKey);
  }

  /** The request's history as the user sees it. */
  static List<MdfDecision> historyFor(MdfRequest request, boolean forPartner) {
    return forPartner
        ? request.getHistory().stream()
            .filter(d -> !INTERNAL_ACTIONS.contains(d.action()))
            .map(MdfDecision::asSeenByPartner)
            .toList()
        : request.getHistory();
  }
}
