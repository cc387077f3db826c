package com.partnerflow.dispute;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A dispute's audit trail: every step, once per process step ({@code stepKey}). */
@Component
class DisputeTrail {

  private static final int DETAIL_LENGTH = 2000;

  private final DisputeEvents events;
  private final Disputes disputes;
  private final Clock clock;

  DisputeTrail(DisputeEvents events, Disputes disputes, Clock clock) {
    this.events = events;
    this.disputes = disputes;
    this.clock = clock;
  }

  /**
   * Records the step unless a step of the same key was recorded; within the caller's transaction.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean record(
      Dispute dispute,
      String action,
      String actor,
      String detail,
      BigDecimal amount,
      String stepKey) {
    if (stepKey != null && events.existsByStepKey(stepKey)) {
      return false;
    }
    events.save(
        new DisputeEvent(dispute, action, actor, fitted(detail), amount, stepKey, clock.instant()));
    return true;
  }

  /** The detail column holds 2,000 characters: a longer detail (a note quoted) is shortened. */
  static String fitted(String detail) {
    return detail == null || detail.length() <= DETAIL_LENGTH
        ? detail
        : detail.substring(0, DETAIL_LENGTH - 1) + "…";
  }

  boolean recorded(String stepKey) {
    return events.existsByStepKey(stepKey);
  }

  List<DisputeEvent> of(String disputeId) {
    return events.findByDisputeIdOrderByOccurredAtAscIdAsc(disputeId);
  }

  /** Removes a dispute whose process never started, with its trail. */
  @Transactional(propagation = Propagation.MANDATORY)
  void delete(String disputeId) {
    events.deleteAll(of(disputeId));
    disputes.deleteById(disputeId);
  }
}
