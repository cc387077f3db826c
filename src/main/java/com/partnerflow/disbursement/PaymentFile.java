package com.partnerflow.disbursement;

import java.util.List;

/**
 * Port: builds a batch's ISO 20022 pain.001 credit-transfer file. The adapter maps the payments and
 * the partners' bank details to the pain.001 writer of the {@code internal} package.
 */
interface PaymentFile {

  /** One credit transfer of the batch. */
  record Line(Payment payment, String endToEndId) {}

  /**
   * Why this payment cannot go into a file now (its partner has no usable bank account), or empty
   * when it can. Payment runs leave such payments out of their batches.
   */
  java.util.Optional<String> unpayable(Payment payment);

  /** The pain.001 XML of the batch with these lines (in this order). */
  String write(PaymentBatch batch, List<Line> lines);
}
