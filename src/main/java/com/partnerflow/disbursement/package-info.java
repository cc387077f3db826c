/**
 * Milestone-based disbursements: the {@code mdf-disbursement} process runs once per milestone of an
 * approved MDF request (claim window, the partner's claim with proof of performance, automated
 * checks with duplicate detection, verification, the bank-detail hold, payment instruction and the
 * bank's confirmation or failure); the {@code payment-run} process gathers instructed payments into
 * payment batches with their pain.001 file. Payments are exactly-once: one Payment per claim (a
 * UNIQUE idempotency key), one batch line per payment and batch, one PAY ledger entry per payment.
 * Exposes {@code /api/payments}. Reads and updates MDF requests only through {@link
 * com.partnerflow.mdf.MdfDisbursements}; the mdf module knows nothing of this one (the process is
 * the coupling).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Milestone disbursements",
    allowedDependencies = {
      "common",
      "identity",
      "partner",
      "fund",
      "mdf",
      "notification",
      "engine",
      "task"
    })
package com.partnerflow.disbursement;
