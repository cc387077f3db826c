package com.partnerflow.insights;

import static com.partnerflow.insights.InsightsFiguresTest.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerflow.fund.FundPeriod;
import com.partnerflow.insights.InsightsQueries.GovernanceCounts;
import com.partnerflow.insights.InsightsQueries.LedgerSum;
import com.partnerflow.insights.InsightsQueries.LevelCount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures program-health-thresholds reads, from hand-computed aggregates. */
class ProgramHealthFiguresTest {

  static final FundPeriod Q4 = FundPeriod.of("2026-Q4");

  @Test
  void elapsedShareCountsTodayAndStaysWithinTheRange() {
    assertThat(ProgramHealthFigures.elapsedShare(Q4, LocalDate.of(2026, 9, 30)))
        .isEqualByComparingTo("0");
    assertThat(ProgramHealthFigures.elapsedShare(Q4, LocalDate.of(2026, 10, 1)))
        .isEqualByComparingTo("0.0109");
    // 46 of 92 days: exactly half.
    assertThat(ProgramHealthFigures.elapsedShare(Q4, LocalDate.of(2026, 11, 15)))
        .isEqualByComparingTo("0.5");
    assertThat(ProgramHealthFigures.elapsedShare(Q4, LocalDate.of(2026, 12, 31)))
        .isEqualByComparingTo("1");
    assertThat(ProgramHealthFigures.elapsedShare(Q4, LocalDate.of(2027, 3, 1)))
        .isEqualByComparingTo("1");
  }

  @Test
  void theFiguresOfAPeriod() {
    var utilisation =
        InsightsFigures.utilisation(
            List.of(
                sum("EUR", "ALLOCATE", "10000.00"),
                sum("EUR", "RESERVE", "5000.00"),
                sum("USD", "ALLOCATE", "1000.00"),
                sum("USD", "RESERVE", "300.00")));
    // EUR has the most requests: its paid 3,000 over 20 leads; USD's 1,000 over 2 leads is not it.
    var outcomes =
        List.of(
            outcome(
                "p", "WEBINAR", "EUR", 3, "1.00", 1, "1.00", 1, "1.00", 1, "1.00", 1, "1.00", 20,
                "1.00", 1, "3000.00"),
            outcome(
                "p", "WEBINAR", "USD", 1, "1.00", 1, "1.00", 1, "1.00", 1, "1.00", 1, "1.00", 2,
                "1.00", 1, "1000.00"));
    List<LevelCount> levels =
        List.of(new LevelCount("channel-managers", 8, 1), new LevelCount("finance", 1, 0));

    Map<String, Object> f =
        ProgramHealthFigures.of(
            Q4,
            LocalDate.of(2026, 11, 15),
            utilisation,
            outcomes,
            levels,
            InsightsFigures.governance(new GovernanceCounts(4, 1, 0, 0, 5, 4, 1, 0, 0), levels));

    assertThat(f)
        .containsEntry("fundPeriod", "2026-Q4")
        .containsEntry("utilisationCurrency", "USD")
        .containsEntry("costPerLeadCurrency", "EUR");
    assertThat((BigDecimal) f.get("elapsedShare")).isEqualByComparingTo("0.5");
    assertThat((BigDecimal) f.get("utilisationRate")).isEqualByComparingTo("0.3");
    assertThat((BigDecimal) f.get("costPerLead")).isEqualByComparingTo("150.00");
    assertThat((BigDecimal) f.get("slaAdherence")).isEqualByComparingTo("0.9");
    assertThat((BigDecimal) f.get("overturnRate")).isEqualByComparingTo("0.25");
  }

  @Test
  void aFigureWithoutDataIsNull() {
    Map<String, Object> f =
        ProgramHealthFigures.of(
            Q4,
            LocalDate.of(2026, 11, 15),
            List.of(),
            List.of(),
            List.of(),
            InsightsFigures.governance(new GovernanceCounts(0, 0, 0, 0, 0, 0, 0, 0, 0), List.of()));

    assertThat(f)
        .containsEntry("utilisationRate", null)
        .containsEntry("utilisationCurrency", null)
        .containsEntry("costPerLead", null)
        .containsEntry("costPerLeadCurrency", null)
        .containsEntry("slaAdherence", null)
        .containsEntry("overturnRate", null);
  }

  @Test
  void aBreachNeedsMetricThresholdAndFigure() {
    var breach =
        ProgramHealth.Breach.of(
            Map.of("metric", "SLA_ADHERENCE", "label", "SLA", "threshold", 0.9, "figure", 0.75));
    assertThat(breach.figure()).isEqualByComparingTo("0.75");
    assertThatThrownBy(() -> ProgramHealth.Breach.of(Map.of("metric", "SLA_ADHERENCE")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProgramHealth.Breach.of(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static LedgerSum sum(String currency, String type, String amount) {
    return new LedgerSum("p", "2026-Q4", currency, type, false, new BigDecimal(amount));
  }
}
