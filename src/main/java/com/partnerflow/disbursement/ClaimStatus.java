package com.partnerflow.disbursement;

/** Where a milestone's claim stands. */
public enum ClaimStatus {
  /** The claim window is open; the partner has not claimed yet. */
  OPEN,
  /** Claimed; checks and verification run. */
  SUBMITTED,
  /** The partner was asked for more evidence. */
  EVIDENCE_REQUESTED,
  /** Approved in full or in part; a payment is instructed. */
  APPROVED,
  /** Paid and confirmed by the bank. */
  PAID,
  /** Rejected by verification or its payment cancelled. */
  REJECTED,
  /** A duplicate invoice or file: blocked and flagged for audit. */
  BLOCKED,
  /** Nothing was claimed by the deadline. */
  LAPSED
}
