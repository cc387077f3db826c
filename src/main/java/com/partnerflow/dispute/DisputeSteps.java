package com.partnerflow.dispute;

import com.partnerflow.common.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The process's changes to a dispute, each under a row lock and recorded once per process step (the
 * step key), so a job delivered again changes and records nothing more. A withdrawn dispute is left
 * as it is (empty answer).
 */
@Service
class DisputeSteps {

  static final String SYSTEM = "system:dispute";

  private final Disputes disputes;
  private final DisputeTrail trail;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DisputeSteps(
      Disputes disputes, DisputeTrail trail, TransactionTemplate transaction, Clock clock) {
    this.disputes = disputes;
    this.trail = trail;
    this.transaction = transaction;
    this.clock = clock;
  }

  Dispute dispute(String id) {
    return disputes.findById(id).orElseThrow(() -> new NotFoundException("Dispute " + id));
  }

  /**
   * Applies {@code change} once per step to a dispute that is not withdrawn, and records it.
   *
   * @return the dispute after the step, or empty when it was withdrawn
   */
  Optional<Dispute> step(
      String id,
      String stepKey,
      String action,
      String actor,
      String detail,
      BigDecimal amount,
      BiConsumer<Dispute, Instant> change) {
    return transaction.execute(
        s -> {
          Dispute d = disputes.lock(id).orElseThrow(() -> new NotFoundException("Dispute " + id));
          if (d.getStatus() == DisputeStatus.WITHDRAWN) {
            return Optional.empty();
          }
          if (!trail.recorded(stepKey)) {
            change.accept(d, clock.instant());
            trail.record(d, action, actor, detail, amount, stepKey);
          }
          return Optional.of(d);
        });
  }
}
