package com.partnerflow.onboarding;

import java.util.List;

/**
 * What automated screening found.
 *
 * @param outcome PASS, NEEDS_REVIEW or REJECT
 * @param reasons why, one line each; empty for PASS
 */
record ScreeningResult(Outcome outcome, List<String> reasons) {

  enum Outcome {
    PASS,
    NEEDS_REVIEW,
    REJECT
  }
}
