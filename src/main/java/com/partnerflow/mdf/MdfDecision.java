package com.partnerflow.mdf;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One entry of a request's decision history (the audit trail): who (the approval group, the partner
 * user, or {@code system}), what, at which approval level, why, the amount and when. {@code
 * stepKey} names the process step that wrote it, so a retried job does not write it twice.
 */
@Embeddable
public record MdfDecision(
    String actor,
    String action,
    @Column(name = "approval_level") String level,
    String reason,
    BigDecimal amount,
    @Column(name = "decided_at") Instant time,
    @JsonIgnore String stepKey) {

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
        ? request.getHistory().stream().map(MdfDecision::asSeenByPartner).toList()
        : request.getHistory();
  }
}
