package com.partnerflow.insights;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * What the partner scorecard answers: one partner's figures beside the anonymised average of the
 * other partners of its tier. No peer is ever named, and an average over fewer than {@link
 * ScorecardFigures#MIN_PEERS} partners is withheld.
 */
final class ScorecardViews {

  private ScorecardViews() {}

  @Schema(
      name = "PartnerScorecard",
      description =
          "A partner's figures of one fund period beside the average of the other partners of its"
              + " tier")
  record Scorecard(
      String partnerId,
      String partnerName,
      @Schema(description = "the partner's tier today", example = "GOLD") String tier,
      @Schema(example = "2026-Q4") String period,
      LocalDate periodStartsOn,
      LocalDate periodEndsOn,
      @Schema(
              description =
                  "the fewest other partners of the tier an average is shown for; with fewer it is"
                      + " withheld",
              example = "3")
          int minimumPartnersAveraged,
      @Schema(description = "one card per currency the partner has figures in, money never summed")
          List<CurrencyCard> currencies,
      SpeedCard speed) {}

  @Schema(name = "PartnerScorecardCurrency")
  record CurrencyCard(
      @Schema(example = "EUR") String currency,
      ScorecardFigureSet partner,
      @Schema(
              description =
                  "the other partners of the tier with a budget in this currency in the period",
              example = "4")
          int partnersAveraged,
      @Schema(description = "true when partnersAveraged is below the minimum")
          boolean tierAverageWithheld,
      @Schema(
              description =
                  "sums divided by partnersAveraged; rates of the pooled sums; null when withheld")
          ScorecardFigureSet tierAverage) {}

  /**
   * Utilisation and results of one partner, or per partner of the tier. Counts of an average have
   * two decimals.
   */
  @Schema(name = "PartnerScorecardFigures")
  record ScorecardFigureSet(
      @Schema(description = "ALLOCATE and ADJUST of the period's budget", example = "10000.00")
          BigDecimal allocated,
      @Schema(description = "every RESERVE", example = "3000.00") BigDecimal reserved,
      @Schema(description = "every PAY", example = "2000.00") BigDecimal paid,
      @Schema(description = "RELEASE other than lapsed milestones", example = "0.00")
          BigDecimal released,
      @Schema(description = "RELEASE of milestones never claimed", example = "1000.00")
          BigDecimal lapsed,
      @Schema(description = "reserved − released − lapsed", example = "2000.00")
          BigDecimal committed,
      @Schema(description = "committed / allocated", example = "0.2000") BigDecimal utilisationRate,
      @Schema(description = "requests submitted in the period", example = "3") BigDecimal requests,
      @Schema(description = "approved amount of those requests", example = "3000.00")
          BigDecimal approved,
      @Schema(description = "confirmed payments on those requests", example = "2000.00")
          BigDecimal paidOnRequests,
      @Schema(description = "leads of verified claims", example = "40") BigDecimal leads,
      @Schema(example = "5") BigDecimal opportunities,
      @Schema(description = "pipeline of verified claims", example = "30000.00")
          BigDecimal pipeline,
      @Schema(description = "paidOnRequests / leads", example = "50.00") BigDecimal costPerLead,
      @Schema(description = "pipeline / paidOnRequests", example = "15.000000")
          BigDecimal pipelinePerUnitPaid,
      @Schema(description = "expected leads of the approved requests", example = "100")
          BigDecimal expectedLeads,
      @Schema(example = "50000.00") BigDecimal expectedPipeline,
      @Schema(description = "leads / expectedLeads", example = "0.4000") BigDecimal leadAttainment,
      @Schema(description = "pipeline / expectedPipeline", example = "0.6000")
          BigDecimal pipelineAttainment) {}

  @Schema(name = "PartnerScorecardSpeed")
  record SpeedCard(
      Times partner,
      @Schema(description = "the other partners of the tier with a budget in the period")
          int partnersAveraged,
      boolean tierAverageWithheld,
      @Schema(
              description =
                  "percentiles over the pooled cases of those partners; null when withheld")
          Times tierAverage) {}

  /** Percentiles by nearest rank of the requests submitted in the period. */
  @Schema(name = "PartnerScorecardTimes")
  record Times(
      @Schema(description = "decided requests") long decisions,
      @Schema(type = "string", example = "PT36H") Duration timeToDecisionP50,
      @Schema(type = "string", example = "PT48H") Duration timeToDecisionP90,
      @Schema(description = "confirmed payments") long payments,
      @Schema(type = "string", example = "PT120H") Duration timeToCashP50,
      @Schema(type = "string", example = "PT120H") Duration timeToCashP90) {}
}
