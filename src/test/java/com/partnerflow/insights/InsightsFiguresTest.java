package com.partnerflow.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.fund.FundPeriod;
import com.partnerflow.insights.InsightsQueries.GovernanceCounts;
import com.partnerflow.insights.InsightsQueries.LedgerDay;
import com.partnerflow.insights.InsightsQueries.LedgerSum;
import com.partnerflow.insights.InsightsQueries.LevelCount;
import com.partnerflow.insights.InsightsQueries.Outcome;
import com.partnerflow.insights.InsightsQueries.PaidResults;
import com.partnerflow.insights.InsightsQueries.PartnerDuration;
import com.partnerflow.insights.InsightsQueries.PartnerFacts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every figure from hand-computed aggregates: sums, rates and percentiles checked exactly. */
class InsightsFiguresTest {

  static BigDecimal m(String v) {
    return new BigDecimal(v);
  }

  static Outcome outcome(
      String partner,
      String type,
      String currency,
      long requested,
      String requestedAmount,
      long approved,
      String approvedAmount,
      long expectedLeads,
      String expectedPipeline,
      long claimed,
      String claimedAmount,
      long verified,
      String verifiedAmount,
      long leads,
      String pipeline,
      long paid,
      String paidAmount) {
    return new Outcome(
        partner,
        type,
        currency,
        requested,
        m(requestedAmount),
        approved,
        m(approvedAmount),
        expectedLeads,
        m(expectedPipeline),
        0,
        claimed,
        m(claimedAmount),
        verified,
        m(verifiedAmount),
        leads,
        leads / 10,
        m(pipeline),
        0,
        paid,
        m(paidAmount));
  }

  @Test
  void utilisationSeparatesLapsedFromReleasedAndNeverMixesCurrencies() {
    var rows =
        InsightsFigures.utilisation(
            List.of(
                new LedgerSum("p1", "2026-Q1", "EUR", "ALLOCATE", false, m("1000.00")),
                new LedgerSum("p1", "2026-Q1", "EUR", "ADJUST", false, m("-100.00")),
                new LedgerSum("p1", "2026-Q1", "EUR", "RESERVE", false, m("600.00")),
                new LedgerSum("p1", "2026-Q1", "EUR", "PAY", false, m("300.00")),
                new LedgerSum("p1", "2026-Q1", "EUR", "RELEASE", false, m("50.00")),
                new LedgerSum("p1", "2026-Q1", "EUR", "RELEASE", true, m("100.00")),
                new LedgerSum("p1", "2026-Q1", "USD", "ALLOCATE", false, m("500.00"))));
    assertThat(rows).hasSize(2);
    var eur = rows.get(0);
    assertThat(eur.currency()).isEqualTo("EUR");
    assertThat(eur.allocated()).isEqualByComparingTo("900");
    assertThat(eur.reserved()).isEqualByComparingTo("600");
    assertThat(eur.paid()).isEqualByComparingTo("300");
    assertThat(eur.released()).isEqualByComparingTo("50");
    assertThat(eur.lapsed()).isEqualByComparingTo("100");
    assertThat(eur.committed()).isEqualByComparingTo("450");
    assertThat(eur.utilisationRate()).isEqualByComparingTo("0.5000");
    assertThat(rows.get(1).currency()).isEqualTo("USD");
    assertThat(rows.get(1).utilisationRate()).isEqualByComparingTo("0");
  }

  @Test
  void burnDownFollowsTheLedgerDayByDayAgainstAnEvenBurn() {
    FundPeriod q = FundPeriod.of("2026-Q2"); // 1 Apr – 30 Jun: 90 days between first and last
    var burn =
        InsightsFigures.burnDown(
            q,
            q.startsOn().plusDays(45),
            List.of(
                new LedgerDay(q.startsOn().minusDays(3), "EUR", "ALLOCATE", m("9000.00")),
                new LedgerDay(q.startsOn().plusDays(10), "EUR", "RESERVE", m("3000.00")),
                new LedgerDay(q.startsOn().plusDays(20), "EUR", "PAY", m("1000.00")),
                new LedgerDay(q.startsOn().plusDays(30), "EUR", "RELEASE", m("500.00"))));
    var b = burn.get(0);
    assertThat(b.allocated()).isEqualByComparingTo("9000");
    assertThat(b.points()).hasSize(46);
    assertThat(b.points().get(0).remaining()).isEqualByComparingTo("9000");
    assertThat(b.points().get(0).ideal()).isEqualByComparingTo("9000");
    assertThat(b.points().get(9).remaining()).isEqualByComparingTo("9000");
    assertThat(b.points().get(10).remaining()).isEqualByComparingTo("6000");
    assertThat(b.points().get(25).remaining()).isEqualByComparingTo("6000");
    assertThat(b.points().get(30).remaining()).isEqualByComparingTo("6500");
    // 9000 × (90 − 45) / 90
    assertThat(b.points().get(45).ideal()).isEqualByComparingTo("4500.00");
  }

  @Test
  void funnelCountsDropOffPerStepInOneCurrency() {
    List<Outcome> outcomes =
        List.of(
            outcome(
                "p1", "WEBINAR", "EUR", 4, "8000", 3, "6000", 0, "0", 2, "3000", 2, "2500", 0, "0",
                1, "1000"),
            outcome(
                "p2", "EVENT", "EUR", 1, "2000", 1, "2000", 0, "0", 1, "2000", 0, "0", 0, "0", 0,
                "0"),
            outcome(
                "p2", "EVENT", "USD", 7, "7000", 0, "0", 0, "0", 0, "0", 0, "0", 0, "0", 0, "0"));
    assertThat(InsightsFigures.currencies(outcomes)).containsExactly("USD", "EUR");
    var f = InsightsFigures.funnel(outcomes, "EUR");
    assertThat(f.steps().stream().map(s -> s.count())).containsExactly(5L, 4L, 3L, 2L, 1L);
    assertThat(f.steps().get(0).amount()).isEqualByComparingTo("10000");
    assertThat(f.steps().get(0).dropOffRate()).isNull();
    assertThat(f.steps().get(1).dropOff()).isEqualTo(1);
    assertThat(f.steps().get(1).dropOffRate()).isEqualByComparingTo("0.2000");
    assertThat(f.steps().get(2).dropOffRate()).isEqualByComparingTo("0.2500");
    assertThat(f.steps().get(3).dropOffRate()).isEqualByComparingTo("0.3333");
    assertThat(f.steps().get(4).amountDropOff()).isEqualByComparingTo("1500");
  }

  @Test
  void roiPerUnitPaidAndCostPerLeadPerGroupAndCurrency() {
    Instant joined = Instant.parse("2025-05-10T10:00:00Z");
    Map<String, PartnerFacts> partners =
        Map.of(
            "p1",
                new PartnerFacts(
                    "p1", "One", "GOLD", "EMEA", List.of("RETAIL", "EDUCATION"), joined),
            "p2", new PartnerFacts("p2", "Two", "GOLD", "AMER", List.of(), joined));
    List<Outcome> outcomes =
        List.of(
            outcome(
                "p1", "WEBINAR", "EUR", 2, "3000", 2, "3000", 90, "60000", 2, "3000", 2, "3000", 60,
                "45000", 2, "3000"),
            outcome(
                "p2", "WEBINAR", "EUR", 1, "1000", 1, "1000", 10, "5000", 1, "1000", 1, "1000", 20,
                "5000", 1, "1000"),
            outcome(
                "p2", "EVENT", "USD", 1, "500", 1, "500", 5, "100", 0, "0", 0, "0", 0, "0", 0,
                "0"));
    var byTier = InsightsFigures.roi(outcomes, InsightsGrouping.TIER, partners);
    assertThat(byTier).hasSize(2);
    var gold = byTier.get(0);
    assertThat(gold.key()).isEqualTo("GOLD");
    assertThat(gold.paid()).isEqualByComparingTo("4000");
    assertThat(gold.leads()).isEqualTo(80);
    assertThat(gold.pipelinePerUnit()).isEqualByComparingTo("12.500000");
    assertThat(gold.leadsPerUnit()).isEqualByComparingTo("0.020000");
    assertThat(gold.costPerLead()).isEqualByComparingTo("50.00");
    assertThat(gold.expectedLeads()).isEqualTo(100);
    assertThat(gold.expectedCostPerLead()).isEqualByComparingTo("40.00");
    assertThat(byTier.get(1).currency()).isEqualTo("USD");
    assertThat(byTier.get(1).costPerLead()).isNull();

    var byVertical = InsightsFigures.roi(outcomes, InsightsGrouping.VERTICAL, partners);
    assertThat(byVertical.stream().map(r -> r.key() + "/" + r.currency()))
        .containsExactlyInAnyOrder("RETAIL/EUR", "EDUCATION/EUR", "NONE/EUR", "NONE/USD");
    var byQuarter = InsightsFigures.roi(outcomes, InsightsGrouping.JOIN_QUARTER, partners);
    assertThat(byQuarter.get(0).key()).isEqualTo("2025-Q2");
  }

  @Test
  void percentilesByNearestRankAndSlaAdherence() {
    List<Duration> d =
        List.of(
            Duration.ofHours(5), Duration.ofHours(1), Duration.ofHours(10), Duration.ofHours(2));
    var speed =
        InsightsFigures.speed(
            d,
            List.of(),
            List.of(new LevelCount("channel-managers", 9, 1), new LevelCount("finance", 0, 0)));
    // sorted 1, 2, 5, 10: p50 rank ceil(2) = 2 → 2 h; p90 rank ceil(3.6) = 4 → 10 h
    assertThat(speed.timeToDecisionP50()).isEqualTo(Duration.ofHours(2));
    assertThat(speed.timeToDecisionP90()).isEqualTo(Duration.ofHours(10));
    assertThat(speed.timeToCashP50()).isNull();
    assertThat(speed.slaByLevel().get(0).adherence()).isEqualByComparingTo("0.9000");
    assertThat(speed.slaByLevel().get(1).adherence()).isNull();
    assertThat(InsightsFigures.percentile(List.of(Duration.ofMinutes(7)), 90))
        .isEqualTo(Duration.ofMinutes(7));
  }

  @Test
  void nearestRankInIntegers() {
    // ceil(p / 100 * n), at least 1; a whole p * n / 100 is its own rank.
    assertThat(InsightsFigures.rank(1, 50)).isEqualTo(1);
    assertThat(InsightsFigures.rank(4, 50)).isEqualTo(2);
    assertThat(InsightsFigures.rank(7, 50)).isEqualTo(4);
    assertThat(InsightsFigures.rank(10, 90)).isEqualTo(9);
    assertThat(InsightsFigures.rank(70, 90)).isEqualTo(63);
    assertThat(InsightsFigures.rank(35_001, 90)).isEqualTo(31_501);
  }

  @Test
  void governanceRates() {
    var g =
        InsightsFigures.governance(
            new GovernanceCounts(8, 2, 3, 1, 5, 4, 1, 2, 1),
            List.of(new LevelCount("a", 3, 2), new LevelCount("b", 1, 1)));
    assertThat(g.autoApprovalRate()).isEqualByComparingTo("0.2500");
    assertThat(g.escalations()).isEqualTo(3);
    assertThat(g.overturnRate()).isEqualByComparingTo("0.2500");
    assertThat(g.duplicateInvoiceBlocks()).isEqualTo(2);
  }

  @Test
  void reconciliationLeavesOutPartnersWithoutApprovals() {
    Map<String, PartnerFacts> partners =
        Map.of("p1", new PartnerFacts("p1", "One", "GOLD", "EMEA", List.of(), Instant.EPOCH));
    var rows =
        InsightsFigures.reconciliation(
            List.of(
                outcome(
                    "p1", "WEBINAR", "EUR", 1, "1000", 1, "1000", 40, "10000", 1, "1000", 1, "1000",
                    50, "12500", 1, "1000"),
                outcome(
                    "p1", "EVENT", "EUR", 1, "500", 0, "0", 0, "0", 0, "0", 0, "0", 0, "0", 0, "0"),
                outcome(
                    "p9", "EVENT", "EUR", 1, "500", 0, "0", 0, "0", 0, "0", 0, "0", 0, "0", 0,
                    "0")),
            partners);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).leadsVariance()).isEqualTo(10);
    assertThat(rows.get(0).leadsAttainment()).isEqualByComparingTo("1.2500");
    assertThat(rows.get(0).pipelineAttainment()).isEqualByComparingTo("1.2500");
  }

  @Test
  void cohortsPerPartnerFactOverPeriods() {
    Map<String, PartnerFacts> partners =
        Map.of(
            "p1", new PartnerFacts("p1", "One", "GOLD", "EMEA", List.of(), Instant.EPOCH),
            "p2", new PartnerFacts("p2", "Two", "GOLD", "AMER", List.of(), Instant.EPOCH),
            "p3", new PartnerFacts("p3", "Three", "SILVER", "AMER", List.of(), Instant.EPOCH));
    var cohorts =
        InsightsFigures.cohorts(
            InsightsGrouping.TIER,
            List.of("2026-Q1", "2026-Q2"),
            List.of(
                new LedgerSum("p1", "2026-Q2", "EUR", "ALLOCATE", false, m("1000.00")),
                new LedgerSum("p2", "2026-Q2", "EUR", "ALLOCATE", false, m("3000.00")),
                new LedgerSum("p2", "2026-Q2", "EUR", "RESERVE", false, m("2000.00")),
                new LedgerSum("p3", "2026-Q1", "EUR", "ALLOCATE", false, m("500.00"))),
            Map.of(
                "2026-Q2",
                List.of(
                    outcome(
                        "p1", "WEBINAR", "EUR", 1, "1000", 1, "1000", 0, "0", 1, "1000", 1, "1000",
                        20, "10000", 1, "1000"),
                    outcome(
                        "p2", "EVENT", "EUR", 1, "1000", 1, "1000", 0, "0", 1, "1000", 1, "1000",
                        30, "20000", 1, "1000"))),
            Map.of(
                "2026-Q2",
                List.of(
                    new InsightsQueries.PartnerDuration("p1", Duration.ofHours(10)),
                    new InsightsQueries.PartnerDuration("p2", Duration.ofHours(30)),
                    new InsightsQueries.PartnerDuration("p3", Duration.ofHours(99)))),
            partners);
    assertThat(cohorts.stream().map(c -> c.key())).containsExactly("GOLD", "SILVER");
    var gold = cohorts.get(0).values();
    assertThat(gold.get(0).allocated()).isEqualByComparingTo("0");
    assertThat(gold.get(0).utilisationRate()).isNull();
    assertThat(gold.get(1).allocated()).isEqualByComparingTo("4000");
    assertThat(gold.get(1).utilisationRate()).isEqualByComparingTo("0.5000");
    assertThat(gold.get(1).paid()).isEqualByComparingTo("2000");
    assertThat(gold.get(1).leads()).isEqualTo(50);
    assertThat(gold.get(1).pipelinePerUnit()).isEqualByComparingTo("15.000000");
    assertThat(gold.get(1).costPerLead()).isEqualByComparingTo("40.00");
    assertThat(gold.get(1).payments()).isEqualTo(2);
    assertThat(gold.get(1).timeToCashP50()).isEqualTo(Duration.ofHours(10));
    var silver = cohorts.get(1).values();
    assertThat(silver.get(0).allocated()).isEqualByComparingTo("500");
    assertThat(silver.get(1).timeToCashP50()).isEqualTo(Duration.ofHours(99));
  }

  @Test
  void aCohortsTimeToCashIsTheNearestRankOfAllItsPartnersPayments() {
    Map<String, PartnerFacts> partners =
        Map.of(
            "p1",
            new PartnerFacts("p1", "One", "GOLD", "EMEA", List.of("RETAIL", "HEALTHCARE"), null),
            "p2",
            new PartnerFacts("p2", "Two", "GOLD", "EMEA", List.of("RETAIL"), null),
            "p3",
            new PartnerFacts("p3", "Three", "GOLD", "EMEA", List.of(), null));
    var cohorts =
        InsightsFigures.cohortFigures(
            InsightsGrouping.VERTICAL,
            List.of("2026-Q1", "2026-Q2"),
            List.of(
                new LedgerSum("p1", "2026-Q2", "EUR", "ALLOCATE", false, m("100.00")),
                new LedgerSum("p2", "2026-Q2", "EUR", "ALLOCATE", false, m("200.00")),
                new LedgerSum("p3", "2026-Q2", "EUR", "ALLOCATE", false, m("300.00"))),
            Map.of("2026-Q2", List.of(new PaidResults("p2", "EUR", m("50.00"), 5, m("1000.00")))),
            Map.of(
                "2026-Q1",
                List.of(),
                "2026-Q2",
                List.of(
                    new PartnerDuration("p1", Duration.ofHours(5)),
                    new PartnerDuration("p2", Duration.ofHours(3)),
                    new PartnerDuration("p1", Duration.ofHours(1)),
                    new PartnerDuration("p3", Duration.ofHours(7)),
                    new PartnerDuration("p2", Duration.ofHours(4)),
                    new PartnerDuration("p2", Duration.ofHours(2).plusNanos(1_000)))),
            partners);
    assertThat(cohorts.stream().map(c -> c.key())).containsExactly("HEALTHCARE", "NONE", "RETAIL");
    // p1 alone: 1 h, 5 h; nearest rank ceil(1.0) = 1.
    var healthcare = cohorts.get(0).values();
    assertThat(healthcare.get(0).payments()).isZero();
    assertThat(healthcare.get(0).timeToCashP50()).isNull();
    assertThat(healthcare.get(1).payments()).isEqualTo(2);
    assertThat(healthcare.get(1).timeToCashP50()).isEqualTo(Duration.ofHours(1));
    assertThat(cohorts.get(1).values().get(1).timeToCashP50()).isEqualTo(Duration.ofHours(7));
    // p1 and p2: 1 h, 2 h + 1 µs, 3 h, 4 h, 5 h; rank ceil(2.5) = 3. p1 is in both verticals.
    var retail = cohorts.get(2).values().get(1);
    assertThat(retail.payments()).isEqualTo(5);
    assertThat(retail.timeToCashP50()).isEqualTo(Duration.ofHours(3));
    assertThat(retail.allocated()).isEqualByComparingTo("300.00");
    assertThat(retail.paid()).isEqualByComparingTo("50.00");
    assertThat(retail.leads()).isEqualTo(5);
    assertThat(retail.costPerLead()).isEqualByComparingTo("10.00");
  }

  @Test
  void csvQuotesAndDefusesFormulas() {
    assertThat(ReconciliationExport.csvField("=SUM(A1)")).isEqualTo("'=SUM(A1)");
    assertThat(ReconciliationExport.csvField("A, \"B\"")).isEqualTo("\"A, \"\"B\"\"\"");
    assertThat(ReconciliationExport.csvField(m("-20.50"))).isEqualTo("-20.50");
    assertThat(ReconciliationExport.csvField(-3L)).isEqualTo("-3");
    assertThat(ReconciliationExport.csvField(null)).isEmpty();
  }
}
