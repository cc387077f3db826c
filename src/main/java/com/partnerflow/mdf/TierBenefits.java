package com.partnerflow.mdf;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the partner's tier allows, as the {@code tier-benefits} decision returns it; {@code
 * maxRevisionRounds} is null when the deployed decision has no such column.
 */
record TierBenefits(
    BigDecimal perActivityCap,
    BigDecimal minCoFundingShare,
    List<String> allowedActivityTypes,
    Integer maxRevisionRounds) {

  @SuppressWarnings("unchecked")
  static TierBenefits of(Map<String, Object> decisionOutput) {
    return new TierBenefits(
        new BigDecimal(String.valueOf(decisionOutput.get("perActivityCap"))),
        new BigDecimal(String.valueOf(decisionOutput.get("minCoFundingShare"))),
        List.copyOf((List<String>) decisionOutput.get("allowedActivityTypes")),
        decisionOutput.get("maxRevisionRounds") instanceof Number rounds
            ? rounds.intValue()
            : null);
  }

  /** The revision rounds of the tier; a decision without them is an incident to fix there. */
  int revisionRounds() {
    if (maxRevisionRounds == null) {
      throw new IllegalStateException(
          "The tier-benefits decision gives no maxRevisionRounds: add the column in"
              + " bpmn/partner-tier.dmn");
    }
    return maxRevisionRounds;
  }
}
