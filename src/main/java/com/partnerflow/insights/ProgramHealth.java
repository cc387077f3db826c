package com.partnerflow.insights;

import com.partnerflow.engine.ProcessVariables;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.notification.Notification;
import com.partnerflow.notification.Notifications;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of {@code bpmn/program-health.bpmn}: measure a fund period's figures from the insights
 * read model, record a breach once per period and metric, mail it once. The thresholds are in
 * {@code bpmn/program-health-thresholds.dmn}, not here.
 */
@Service
class ProgramHealth {

  static final String MAIL_TEMPLATE = "program-health-breach";

  /** {@link ProcessVariables} declared for the process owners' compatibility check. */
  @Bean
  static ProcessVariables programHealthVariables() {
    return ProgramHealthProcess.VARIABLES;
  }

  private final InsightsQueries queries;
  private final FundLedger funds;
  private final ProgramHealthBreaches breaches;
  private final Notifications notifications;
  private final InsightsProperties properties;
  private final Clock clock;

  ProgramHealth(
      InsightsQueries queries,
      FundLedger funds,
      ProgramHealthBreaches breaches,
      Notifications notifications,
      InsightsProperties properties,
      Clock clock) {
    this.queries = queries;
    this.funds = funds;
    this.breaches = breaches;
    this.notifications = notifications;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The figures of the fund period ({@code 2026-Q4} or {@code 2026}), of the current one when null
   * or blank, over the whole program.
   *
   * @throws IllegalArgumentException for a malformed period (the job fails: a technical fault of
   *     whoever started the run)
   */
  @Transactional(readOnly = true)
  Map<String, Object> measure(String fundPeriod) {
    FundPeriod period =
        fundPeriod == null || fundPeriod.isBlank()
            ? funds.currentPeriod()
            : FundPeriod.of(fundPeriod.trim());
    InsightsFilter all = new InsightsFilter(period, null, null, null, null);
    List<InsightsQueries.LevelCount> levels = queries.levels(all, period);
    return ProgramHealthFigures.of(
        period,
        LocalDate.now(clock),
        InsightsFigures.utilisation(queries.ledgerSums(all, List.of(period.id()))),
        queries.outcomes(all, period),
        levels,
        InsightsFigures.governance(queries.governance(all, period), levels));
  }

  /**
   * Records the breach for the period.
   *
   * @return whether it is new: no earlier run of the period recorded this metric
   */
  boolean record(String period, Breach breach, long elementInstanceKey) {
    return breaches.record(
        period, breach.metric(), breach.figure(), breach.threshold(), elementInstanceKey);
  }

  /** Mails the breach to partner-managers, once per period and metric. */
  String mail(String period, Breach breach) {
    String address = properties.programHealthAddress();
    notifications.send(
        new Notification(
            "program-health:" + period + ":" + breach.metric() + ":" + address,
            address,
            MAIL_TEMPLATE,
            Map.of(
                "period", period,
                "label", breach.label(),
                "figure", breach.figure().toPlainString(),
                "threshold", breach.threshold().toPlainString())));
    return address;
  }

  /** One output row of the thresholds decision. */
  record Breach(String metric, String label, BigDecimal threshold, BigDecimal figure) {

    static Breach of(Object value) {
      if (!(value instanceof Map<?, ?> map)
          || map.get("metric") == null
          || map.get("threshold") == null
          || map.get("figure") == null) {
        throw new IllegalArgumentException("A breach needs metric, threshold and figure: " + value);
      }
      return new Breach(
          map.get("metric").toString(),
          map.get("label") == null ? map.get("metric").toString() : map.get("label").toString(),
          new BigDecimal(map.get("threshold").toString()),
          new BigDecimal(map.get("figure").toString()));
    }
  }
}
