package com.partnerflow.dispute;

/** What a dispute is about. */
public enum SubjectType {
  /** A rejected or reduced MDF request. */
  MDF_REQUEST,
  /** A rejected or partially approved claim. */
  CLAIM,
  /** A payment the bank has not confirmed within the DMN's period after its instruction. */
  PAYMENT
}
