package com.partnerflow.mdf;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What the partner's tier allows, as the {@code tier-benefits} decision returns it. */
record TierBenefits(
    BigDecimal perActivityCap, BigDecimal minCoFundingShare, List<String> allowedActivityTypes) {

  @SuppressWarnings("unchecked")
  static TierBenefits of(Map<String, Object> decisionOutput) {
    return new TierBenefits(
        new BigDecimal(String.valueOf(decisionOutput.get("perActivityCap"))),
        new BigDecimal(String.valueOf(decisionOutput.get("minCoFundingShare"))),
        List.copyOf((List<String>) decisionOutput.get("allowedActivityTypes")));
  }
}
