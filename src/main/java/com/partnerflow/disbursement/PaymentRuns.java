package com.partnerflow.disbursement;

import com.partnerflow.common.LockConflicts;
import com.partnerflow.common.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment runs: every INSTRUCTED payment goes into a payment batch of its currency (IN_BATCH, one
 * batch line each) with the batch's pain.001 file; then the batch goes to the payment channel and
 * its payments are SENT. The instructed payments are read under row locks, so two concurrent runs
 * (two instances, the timer and finance) never put one payment into two batches. A payment whose
 * partner has no usable bank account is held: it stays INSTRUCTED (out of every batch, so it never
 * fails the others' file), is named in the run's answer and gets one audit flag {@value #HELD_FLAG}
 * for finance; the next run after the partner adds bank details pays it.
 */
@Service
class PaymentRuns {

  /** Kind of the audit flag of a payment held for missing bank details. */
  static final String HELD_FLAG = "NO_BANK_DETAILS";

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PaymentRuns.class);

  /** A payment the run left out, and why. */
  record Held(String paymentId, String claimId, String partnerId, String reason) {}

  /** The run's batches and the payments it held. */
  record Gathered(List<PaymentBatch> batches, List<Held> held) {}

  private final Payments payments;
  private final PaymentBatches batches;
  private final PaymentBatchLines lines;
  private final AuditFlags flags;
  private final ObjectProvider<PaymentFile> file;
  private final Map<String, PaymentChannel> channels;
  private final DisbursementProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;

  PaymentRuns(
      Payments payments,
      PaymentBatches batches,
      PaymentBatchLines lines,
      AuditFlags flags,
      ObjectProvider<PaymentFile> file,
      List<PaymentChannel> channels,
      DisbursementProperties properties,
      TransactionTemplate transaction,
      Clock clock) {
    this.payments = payments;
    this.batches = batches;
    this.lines = lines;
    this.flags = flags;
    this.file = file;
    this.channels = new LinkedHashMap<>();
    channels.forEach(c -> this.channels.put(c.name(), c));
    if (!this.channels.containsKey(properties.paymentChannel())) {
      throw new IllegalStateException(
          "partnerflow.disbursement.payment-channel="
              + properties.paymentChannel()
              + " names no payment channel; known: "
              + this.channels.keySet());
    }
    this.properties = properties;
    this.transaction = transaction;
    this.clock = clock;
  }

  PaymentBatch batch(String batchId) {
    return batches
        .findById(batchId)
        .orElseThrow(() -> new NotFoundException("Payment batch " + batchId));
  }

  /** The batch's payments in line order. */
  List<Payment> paymentsOf(String batchId) {
    return lines.findByKeyBatchId(batchId).stream()
        .map(l -> payments.findById(l.paymentId()).orElseThrow())
        .toList();
  }

  /**
   * One batch per currency of every instructed payment that can be paid; the others held (see the
   * class). No batch when none can. A run ({@code runKey}) that gathered before gets its batches
   * again (and no held list), so a retried job of the same run neither batches twice nor loses the
   * batches it made.
   */
  Gathered gather(String runKey, String createdBy) {
    return LockConflicts.retried("Payment run " + runKey, () -> gatherOnce(runKey, createdBy));
  }

  private Gathered gatherOnce(String runKey, String createdBy) {
    return transaction.execute(
        s -> {
          List<PaymentBatch> earlier = batches.findByRunKeyOrderByCurrency(runKey);
          if (!earlier.isEmpty()) {
            return new Gathered(earlier, List.of());
          }
          PaymentFile paymentFile = Ports.required(file, PaymentFile.class);
          Instant now = clock.instant();
          Map<String, List<Payment>> byCurrency = new LinkedHashMap<>();
          List<Held> held = new ArrayList<>();
          for (Payment p : payments.lockInstructed()) {
            Optional<String> unpayable = paymentFile.unpayable(p);
            if (unpayable.isPresent()) {
              held.add(hold(p, unpayable.get(), now));
            } else {
              byCurrency.computeIfAbsent(p.getCurrency(), c -> new ArrayList<>()).add(p);
            }
          }
          List<PaymentBatch> created = new ArrayList<>();
          for (var entry : byCurrency.entrySet()) {
            BigDecimal sum =
                entry.getValue().stream()
                    .map(Payment::getAmount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            PaymentBatch batch =
                batches.save(
                    new PaymentBatch(
                        runKey, entry.getKey(), entry.getValue().size(), sum, createdBy, now));
            List<PaymentFile.Line> fileLines = new ArrayList<>();
            for (Payment p : entry.getValue()) {
              PaymentBatchLine line = lines.save(new PaymentBatchLine(batch.getId(), p));
              p.batched(batch.getId(), now);
              fileLines.add(new PaymentFile.Line(p, line.getEndToEndId()));
            }
            batch.file(paymentFile.write(batch, fileLines));
            created.add(batch);
          }
          return new Gathered(created, held);
        });
  }

  /** The payment stays INSTRUCTED; finance gets one audit flag per claim (a flag of itself). */
  private Held hold(Payment p, String reason, Instant now) {
    log.warn("Payment {} held out of the run: {}", p.getId(), reason);
    if (!flags.existsByClaimIdAndOtherClaimIdAndKind(p.getClaimId(), p.getClaimId(), HELD_FLAG)) {
      flags.save(
          new AuditFlag(
              p.getClaimId(),
              p.getClaimId(),
              HELD_FLAG,
              "Payment " + p.getId() + " held out of payment runs: " + reason,
              now));
    }
    return new Held(p.getId(), p.getClaimId(), p.getPartnerId(), reason);
  }

  /** Hands the batch to the configured channel; its payments are SENT (once). */
  PaymentBatch send(String batchId) {
    PaymentChannel channel = channels.get(properties.paymentChannel());
    PaymentBatch batch = batch(batchId);
    channel.send(batch);
    return transaction.execute(
        s -> {
          PaymentBatch b = batch(batchId);
          Instant now = clock.instant();
          if (b.getSentAt() == null) {
            b.sent(channel.name(), now);
          }
          for (Payment p : payments.findByBatchIdOrderByCreatedAtAsc(batchId)) {
            if (p.getStatus() == PaymentStatus.IN_BATCH) {
              p.sent(now);
            }
          }
          return b;
        });
  }
}
