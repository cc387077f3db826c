package com.partnerflow.mdf;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the risk rules of {@code bpmn/mdf-risk-scoring.dmn} read about a request, as plain facts:
 * the rules themselves (signals, points, windows, thresholds) are in the decision, so a process
 * owner changes them there.
 *
 * @param requestedAmount the amount asked for
 * @param perActivityCap the tier's cap per activity
 * @param earlierAmounts the partner's earlier requested amounts (this request excluded)
 * @param earlierAgesDays how many whole days ago each earlier request was submitted
 * @param partnerAgeDays how many whole days ago the partner joined; null when unknown
 */
record RiskFacts(
    BigDecimal requestedAmount,
    BigDecimal perActivityCap,
    List<BigDecimal> earlierAmounts,
    List<Long> earlierAgesDays,
    Long partnerAgeDays) {

  static RiskFacts of(
      MdfRequest request,
      List<MdfRequest> earlier,
      BigDecimal perActivityCap,
      Instant partnerSince,
      Instant now) {
    return new RiskFacts(
        request.getRequestedAmount(),
        perActivityCap,
        earlier.stream().map(MdfRequest::getRequestedAmount).toList(),
        earlier.stream().map(r -> daysBetween(r.getSubmittedAt(), now)).toList(),
        partnerSince == null ? null : daysBetween(partnerSince, now));
  }

  private static long daysBetween(Instant from, Instant to) {
    return Duration.between(from, to).toDays();
  }
}
