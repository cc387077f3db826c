package com.partnerflow.dispute;

/** The partner's reason category. */
public enum DisputeCategory {
  ELIGIBILITY,
  AMOUNT,
  EVIDENCE,
  TIMELINESS,
  OTHER
}
