package com.partnerflow.mdf;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What the disbursement of a request knows about each of its milestones: the claim and what was
 * paid for it. Implemented by the disbursement module, which depends on this one, so the request's
 * page and API can show a milestone's money without a cycle.
 */
public interface MilestoneClaims {

  /**
   * The claims of the request's milestones by milestone id; milestones never claimed are absent.
   */
  Map<String, MilestoneClaim> byMilestone(String requestId);

  /**
   * A milestone's claim: its status, the amount claimed and approved, what payments confirmed for
   * it, and, while it waits for verification, when verification is due.
   *
   * @param paymentId the claim's latest payment (a corrective payment after a dispute comes later
   *     than the claim's own); null before verification instructed one
   * @param paymentStatus that payment's status: {@code INSTRUCTED}, {@code IN_BATCH}, {@code SENT},
   *     {@code CONFIRMED} or {@code FAILED}
   */
  record MilestoneClaim(
      String claimId,
      String claimStatus,
      BigDecimal claimedAmount,
      BigDecimal approvedAmount,
      BigDecimal paidAmount,
      Instant verificationDueAt,
      String paymentId,
      String paymentStatus) {}
}
