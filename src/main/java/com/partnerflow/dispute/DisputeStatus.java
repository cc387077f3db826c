package com.partnerflow.dispute;

/** Where a dispute stands. */
public enum DisputeStatus {
  /** Opened by the partner; triage runs. */
  OPEN,
  /** With the reviewer group. */
  IN_REVIEW,
  /** The reviewer asked the partner for more information; the partner holds it. */
  INFO_REQUESTED,
  /** With the escalation group (executive sponsors). */
  ESCALATED,
  /** Decided: upheld, overturned or settled. */
  RESOLVED,
  /** The partner withdrew it before a decision. */
  WITHDRAWN;

  boolean isOpen() {
    return this != RESOLVED && this != WITHDRAWN;
  }
}
