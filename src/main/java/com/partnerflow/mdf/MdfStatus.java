package com.partnerflow.mdf;

/** Where an MDF request stands; APPROVED is the hand-over state to milestone disbursement. */
public enum MdfStatus {
  SUBMITTED,
  IN_REVIEW,
  CHANGES_REQUESTED,
  APPROVED,
  REJECTED,
  IN_DISBURSEMENT,
  CLOSED
}
