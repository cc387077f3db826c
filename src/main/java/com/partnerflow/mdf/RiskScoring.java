package com.partnerflow.mdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Explainable risk signals of a request, each with its points; the score is their sum and the level
 * LOW (&lt; 25), MEDIUM (&lt; 50) or HIGH. What a level leads to (extra levels, spot audit) is
 * decided by the {@code mdf-approval-routing} DMN, not here.
 */
final class RiskScoring {

  static final Duration BURST_WINDOW = Duration.ofDays(30);
  static final int BURST_COUNT = 3;
  static final Duration NEW_PARTNER = Duration.ofDays(90);

  private RiskScoring() {}

  /** A risk assessment: score, level and one sentence per signal. */
  record Risk(int score, String level, List<String> signals) {}

  /**
   * @param history the partner's earlier requests (this one excluded)
   * @param partnerSince when the partner joined
   */
  static Risk score(
      MdfRequest request,
      List<MdfRequest> history,
      BigDecimal perActivityCap,
      Instant partnerSince,
      Instant now) {
    List<String> signals = new ArrayList<>();
    int score = 0;
    BigDecimal amount = request.getRequestedAmount();
    if (!history.isEmpty()) {
      BigDecimal average =
          history.stream()
              .map(MdfRequest::getRequestedAmount)
              .reduce(BigDecimal.ZERO, BigDecimal::add)
              .divide(BigDecimal.valueOf(history.size()), 2, RoundingMode.HALF_UP);
      if (amount.compareTo(average.multiply(BigDecimal.valueOf(3))) > 0) {
        signals.add(
            "Amount far above the partner's history: more than 3 × the average of "
                + average.toPlainString());
        score += 30;
      }
    }
    long recent =
        history.stream().filter(r -> r.getSubmittedAt().isAfter(now.minus(BURST_WINDOW))).count();
    if (recent >= BURST_COUNT) {
      signals.add("Many requests in a short window: " + recent + " others in the last 30 days");
      score += 25;
    }
    if (amount.remainder(BigDecimal.valueOf(1000)).signum() == 0) {
      signals.add("Round-number amount: " + amount.stripTrailingZeros().toPlainString());
      score += 10;
    }
    BigDecimal nearCap = perActivityCap.multiply(new BigDecimal("0.95"));
    if (amount.compareTo(nearCap) >= 0 && amount.compareTo(perActivityCap) <= 0) {
      signals.add(
          "Just below the cap per activity of "
              + perActivityCap.stripTrailingZeros().toPlainString());
      score += 20;
    }
    if (partnerSince != null && partnerSince.isAfter(now.minus(NEW_PARTNER))) {
      signals.add("New partner: joined less than 90 days ago");
      score += 20;
    }
    String level = score >= 50 ? "HIGH" : score >= 25 ? "MEDIUM" : "LOW";
    return new Risk(score, level, List.copyOf(signals));
  }
}
