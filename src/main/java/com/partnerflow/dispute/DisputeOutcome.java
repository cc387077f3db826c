package com.partnerflow.dispute;

/** How a dispute was resolved. */
public enum DisputeOutcome {
  /** The original decision stands. */
  UPHELD,
  /** The original decision is reversed for the whole disputed amount. */
  OVERTURNED,
  /** A partial amount is agreed. */
  SETTLED
}
