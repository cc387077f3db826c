package com.partnerflow.insights;

import com.partnerflow.fund.FundPeriod;
import com.partnerflow.insights.InsightsQueries.LevelCount;
import com.partnerflow.insights.InsightsQueries.Outcome;
import com.partnerflow.insights.InsightsViews.Governance;
import com.partnerflow.insights.InsightsViews.Utilisation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures {@code program-health-thresholds.dmn} reads, from the insights figures of one fund
 * period. No threshold here: a figure without data is null, and the decision leaves it alone.
 */
final class ProgramHealthFigures {

  private ProgramHealthFigures() {}

  /**
   * The {@code programHealth} variable: fundPeriod, elapsedShare, utilisationRate with
   * utilisationCurrency (the currency with the lowest utilisation), costPerLead with
   * costPerLeadCurrency (paid / leads in the currency of most requests), slaAdherence (decided /
   * (decided + escalated) over every level), overturnRate (overturned / resolved disputes).
   */
  static Map<String, Object> of(
      FundPeriod period,
      LocalDate today,
      List<Utilisation> utilisation,
      List<Outcome> outcomes,
      List<LevelCount> levels,
      Governance governance) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("fundPeriod", period.id());
    figures.put("elapsedShare", elapsedShare(period, today));
    Utilisation lowest =
        utilisation.stream()
            .filter(u -> u.utilisationRate() != null)
            .min(Comparator.comparing(Utilisation::utilisationRate))
            .orElse(null);
    figures.put("utilisationRate", lowest == null ? null : lowest.utilisationRate());
    figures.put("utilisationCurrency", lowest == null ? null : lowest.currency());
    List<String> currencies = InsightsFigures.currencies(outcomes);
    String currency = currencies.isEmpty() ? null : currencies.get(0);
    figures.put("costPerLead", currency == null ? null : costPerLead(outcomes, currency));
    figures.put("costPerLeadCurrency", currency);
    long decided = levels.stream().mapToLong(LevelCount::decided).sum();
    long escalated = levels.stream().mapToLong(LevelCount::escalated).sum();
    figures.put(
        "slaAdherence",
        InsightsFigures.rate(BigDecimal.valueOf(decided), BigDecimal.valueOf(decided + escalated)));
    figures.put("overturnRate", governance.overturnRate());
    return figures;
  }

  /** Days of the period up to and including today / all its days, to four decimals (0 to 1). */
  static BigDecimal elapsedShare(FundPeriod period, LocalDate today) {
    long length = ChronoUnit.DAYS.between(period.startsOn(), period.endsOn()) + 1;
    long elapsed =
        today.isBefore(period.startsOn())
            ? 0
            : today.isAfter(period.endsOn())
                ? length
                : ChronoUnit.DAYS.between(period.startsOn(), today) + 1;
    return BigDecimal.valueOf(elapsed)
        .divide(BigDecimal.valueOf(length), InsightsFigures.RATE_SCALE, RoundingMode.HALF_UP);
  }

  /** Paid / leads of the currency's outcomes, to the cent; null without leads. */
  static BigDecimal costPerLead(List<Outcome> outcomes, String currency) {
    BigDecimal paid = BigDecimal.ZERO;
    long leads = 0;
    for (Outcome o : outcomes) {
      if (o.currency().equals(currency)) {
        paid = paid.add(o.paidAmount());
        leads += o.leads();
      }
    }
    return InsightsFigures.money(paid, BigDecimal.valueOf(leads));
  }
}
