package com.partnerflow.mdf;

/**
 * Where a milestone of an approved request stands in its disbursement. PAID, LAPSED and REJECTED
 * are settled: when every milestone is settled the request can be closed out.
 */
public enum MilestoneStatus {
  /** Approved, its claim window not yet open. */
  PLANNED,
  /** The claim window is open; the partner may claim. */
  CLAIMABLE,
  /** A claim was submitted and is being checked or verified. */
  CLAIMED,
  /** The claim was approved (fully or partly); a payment is instructed. */
  VERIFIED,
  /** The payment was confirmed; any unpaid remainder was released. */
  PAID,
  /** Nothing was claimed by the claim deadline; the share was released. */
  LAPSED,
  /** The claim was rejected, blocked or its payment cancelled; the share was released. */
  REJECTED;

  public boolean isSettled() {
    return this == PAID || this == LAPSED || this == REJECTED;
  }
}
