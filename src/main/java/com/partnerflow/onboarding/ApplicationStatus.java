package com.partnerflow.onboarding;

/** Where a partner application stands; the process moves it along. */
public enum ApplicationStatus {
  SUBMITTED,
  IN_REVIEW,
  INFO_REQUESTED,
  AWAITING_AGREEMENT,
  ACTIVATED,
  REJECTED,
  EXPIRED;

  boolean isClosed() {
    return this == ACTIVATED || this == REJECTED || this == EXPIRED;
  }
}
