package com.partnerflow.insights;

import static com.partnerflow.insights.InsightsFiguresTest.m;
import static com.partnerflow.insights.InsightsFiguresTest.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.insights.InsightsQueries.LedgerSum;
import com.partnerflow.insights.InsightsQueries.Outcome;
import com.partnerflow.insights.InsightsQueries.PartnerDuration;
import com.partnerflow.insights.ScorecardViews.CurrencyCard;
import com.partnerflow.insights.ScorecardViews.ScorecardFigureSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scorecard's figures from hand-computed per-partner aggregates of one tier: the partner {@code
 * me}, its peers p1–p3 in EUR and p4 in USD only. Sums, averages, rates and percentiles checked
 * exactly.
 *
 * <pre>
 * EUR ledger   allocated reserved paid released lapsed committed
 *   me           10,000    4,000  2,500   500     500    3,000   (30.00 %)
 *   p1            6,000    3,000  1,000
 *   p2            9,000    1,500                  300
 *   p3            3,000
 *   peers        18,000    4,500  1,000     0     300    4,200   (23.33 %)
 *   average       6,000    1,500 333.33     0     100    1,400
 * EUR outcomes requests approved paid leads opps pipeline expected leads / pipeline
 *   me            3        4,000   2,000  40    4   30,000      100 / 50,000
 *   p1            2        3,000   1,000  30    3   10,000       60 / 20,000
 *   p2            1 + 1    1,500       0   0    0        0       20 / 10,000
 *   average    1.33        1,500  333.33 10    1  3,333.33    26.67 / 10,000
 * </pre>
 */
class ScorecardFiguresTest {

  static final String P = "2026-Q1";

  static List<LedgerSum> ledger() {
    return List.of(
        sum("me", "EUR", "ALLOCATE", false, "10000.00"),
        sum("me", "EUR", "RESERVE", false, "4000.00"),
        sum("me", "EUR", "PAY", false, "2500.00"),
        sum("me", "EUR", "RELEASE", false, "500.00"),
        sum("me", "EUR", "RELEASE", true, "500.00"),
        sum("p1", "EUR", "ALLOCATE", false, "6000.00"),
        sum("p1", "EUR", "RESERVE", false, "3000.00"),
        sum("p1", "EUR", "PAY", false, "1000.00"),
        sum("p2", "EUR", "ALLOCATE", false, "9000.00"),
        sum("p2", "EUR", "RESERVE", false, "1500.00"),
        sum("p2", "EUR", "RELEASE", true, "300.00"),
        sum("p3", "EUR", "ALLOCATE", false, "3000.00"),
        sum("p4", "USD", "ALLOCATE", false, "8000.00"));
  }

  static List<Outcome> outcomes() {
    return List.of(
        outcome(
            "me", "WEBINAR", "EUR", 3, "5000", 2, "4000", 100, "50000", 1, "2000", 1, "2000", 40,
            "30000", 1, "2000"),
        outcome("me", "EVENT", "USD", 1, "700", 0, "0", 0, "0", 0, "0", 0, "0", 0, "0", 0, "0"),
        outcome(
            "p1", "WEBINAR", "EUR", 2, "3000", 1, "3000", 60, "20000", 1, "1000", 1, "1000", 30,
            "10000", 1, "1000"),
        outcome(
            "p2", "WEBINAR", "EUR", 1, "1500", 1, "1500", 20, "10000", 0, "0", 0, "0", 0, "0", 0,
            "0"),
        outcome("p2", "EVENT", "EUR", 1, "900", 0, "0", 0, "0", 0, "0", 0, "0", 0, "0", 0, "0"),
        outcome("p4", "EVENT", "USD", 1, "900", 0, "0", 0, "0", 0, "0", 0, "0", 0, "0", 0, "0"));
  }

  private static LedgerSum sum(
      String partner, String currency, String type, boolean lapsed, String amount) {
    return new LedgerSum(partner, P, currency, type, lapsed, m(amount));
  }

  @Test
  void thePartnersOwnFiguresAreItsSumsAndRates() {
    List<CurrencyCard> cards = ScorecardFigures.currencies("me", ledger(), outcomes());
    assertThat(cards).extracting(CurrencyCard::currency).containsExactly("EUR", "USD");
    ScorecardFigureSet me = cards.get(0).partner();
    assertThat(me.allocated()).isEqualByComparingTo("10000");
    assertThat(me.reserved()).isEqualByComparingTo("4000");
    assertThat(me.paid()).isEqualByComparingTo("2500");
    assertThat(me.released()).isEqualByComparingTo("500");
    assertThat(me.lapsed()).isEqualByComparingTo("500");
    assertThat(me.committed()).isEqualByComparingTo("3000");
    assertThat(me.utilisationRate()).isEqualTo(new BigDecimal("0.3000"));
    assertThat(me.requests()).isEqualTo(new BigDecimal("3"));
    assertThat(me.approved()).isEqualByComparingTo("4000");
    assertThat(me.paidOnRequests()).isEqualByComparingTo("2000");
    assertThat(me.leads()).isEqualTo(new BigDecimal("40"));
    assertThat(me.opportunities()).isEqualTo(new BigDecimal("4"));
    assertThat(me.pipeline()).isEqualByComparingTo("30000");
    assertThat(me.costPerLead()).isEqualTo(new BigDecimal("50.00"));
    assertThat(me.pipelinePerUnitPaid()).isEqualTo(new BigDecimal("15.000000"));
    assertThat(me.expectedLeads()).isEqualTo(new BigDecimal("100"));
    assertThat(me.expectedPipeline()).isEqualByComparingTo("50000");
    assertThat(me.leadAttainment()).isEqualTo(new BigDecimal("0.4000"));
    assertThat(me.pipelineAttainment()).isEqualTo(new BigDecimal("0.6000"));

    ScorecardFigureSet usd = cards.get(1).partner();
    assertThat(usd.allocated()).isEqualByComparingTo("0");
    assertThat(usd.utilisationRate()).isNull();
    assertThat(usd.requests()).isEqualTo(new BigDecimal("1"));
    assertThat(usd.costPerLead()).isNull();
    assertThat(usd.leadAttainment()).isNull();
  }

  @Test
  void theTierAverageDividesThePeersSumsByTheirNumberWithoutThePartnerItself() {
    CurrencyCard eur = ScorecardFigures.currencies("me", ledger(), outcomes()).get(0);
    assertThat(eur.partnersAveraged()).isEqualTo(3);
    assertThat(eur.tierAverageWithheld()).isFalse();
    ScorecardFigureSet avg = eur.tierAverage();
    assertThat(avg.allocated()).isEqualTo(new BigDecimal("6000.00"));
    assertThat(avg.reserved()).isEqualTo(new BigDecimal("1500.00"));
    assertThat(avg.paid()).isEqualTo(new BigDecimal("333.33"));
    assertThat(avg.released()).isEqualTo(new BigDecimal("0.00"));
    assertThat(avg.lapsed()).isEqualTo(new BigDecimal("100.00"));
    assertThat(avg.committed()).isEqualTo(new BigDecimal("1400.00"));
    // 4,200 / 18,000 of the pooled sums, not the mean of 50 %, 16.67 % and 0 %.
    assertThat(avg.utilisationRate()).isEqualTo(new BigDecimal("0.2333"));
    assertThat(avg.requests()).isEqualTo(new BigDecimal("1.33"));
    assertThat(avg.approved()).isEqualTo(new BigDecimal("1500.00"));
    assertThat(avg.paidOnRequests()).isEqualTo(new BigDecimal("333.33"));
    assertThat(avg.leads()).isEqualTo(new BigDecimal("10.00"));
    assertThat(avg.opportunities()).isEqualTo(new BigDecimal("1.00"));
    assertThat(avg.pipeline()).isEqualTo(new BigDecimal("3333.33"));
    assertThat(avg.costPerLead()).isEqualTo(new BigDecimal("33.33"));
    assertThat(avg.pipelinePerUnitPaid()).isEqualTo(new BigDecimal("10.000000"));
    assertThat(avg.expectedLeads()).isEqualTo(new BigDecimal("26.67"));
    assertThat(avg.expectedPipeline()).isEqualTo(new BigDecimal("10000.00"));
    assertThat(avg.leadAttainment()).isEqualTo(new BigDecimal("0.3750"));
    assertThat(avg.pipelineAttainment()).isEqualTo(new BigDecimal("0.3333"));
  }

  @Test
  void anAverageOverFewerThanThreePeersIsWithheld() {
    CurrencyCard usd = ScorecardFigures.currencies("me", ledger(), outcomes()).get(1);
    assertThat(usd.partnersAveraged()).isEqualTo(1);
    assertThat(usd.tierAverageWithheld()).isTrue();
    assertThat(usd.tierAverage()).isNull();

    List<LedgerSum> twoPeers = ledger().stream().filter(l -> !l.partnerId().equals("p3")).toList();
    CurrencyCard eur = ScorecardFigures.currencies("me", twoPeers, outcomes()).get(0);
    assertThat(eur.partnersAveraged()).isEqualTo(2);
    assertThat(eur.tierAverage()).isNull();
    assertThat(eur.partner().allocated()).isEqualByComparingTo("10000");
    // Seen from p1, the other three (me, p2, p3) are enough.
    assertThat(ScorecardFigures.currencies("p1", ledger(), outcomes()).get(0).tierAverage())
        .isNotNull();
  }

  @Test
  void speedPercentilesOfThePartnerAndOverThePeersPooledCases() {
    List<PartnerDuration> decisions =
        List.of(
            d("me", 10),
            d("me", 30),
            d("me", 20),
            d("p1", 5),
            d("p1", 50),
            d("p2", 1),
            d("p4", 100),
            // a partner of the tier without a budget in the period is no peer
            d("stranger", 7));
    List<PartnerDuration> cash = List.of(d("me", 120), d("p1", 48), d("p2", 72), d("p3", 96));
    var speed = ScorecardFigures.speed("me", ledger(), decisions, cash);
    assertThat(speed.partnersAveraged()).isEqualTo(4);
    assertThat(speed.tierAverageWithheld()).isFalse();
    var me = speed.partner();
    assertThat(me.decisions()).isEqualTo(3);
    assertThat(me.timeToDecisionP50()).isEqualTo(Duration.ofHours(20));
    assertThat(me.timeToDecisionP90()).isEqualTo(Duration.ofHours(30));
    assertThat(me.payments()).isEqualTo(1);
    assertThat(me.timeToCashP50()).isEqualTo(Duration.ofHours(120));
    assertThat(me.timeToCashP90()).isEqualTo(Duration.ofHours(120));
    var tier = speed.tierAverage();
    assertThat(tier.decisions()).isEqualTo(4);
    assertThat(tier.timeToDecisionP50()).isEqualTo(Duration.ofHours(5));
    assertThat(tier.timeToDecisionP90()).isEqualTo(Duration.ofHours(100));
    assertThat(tier.payments()).isEqualTo(3);
    assertThat(tier.timeToCashP50()).isEqualTo(Duration.ofHours(72));
    assertThat(tier.timeToCashP90()).isEqualTo(Duration.ofHours(96));

    var alone = ScorecardFigures.speed("me", ledger().subList(0, 5), decisions, cash);
    assertThat(alone.partnersAveraged()).isZero();
    assertThat(alone.tierAverageWithheld()).isTrue();
    assertThat(alone.tierAverage()).isNull();
  }

  private static PartnerDuration d(String partner, long hours) {
    return new PartnerDuration(partner, Duration.ofHours(hours));
  }
}
