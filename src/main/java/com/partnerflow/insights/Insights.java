package com.partnerflow.insights;

import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.insights.InsightsQueries.LevelCount;
import com.partnerflow.insights.InsightsQueries.Outcome;
import com.partnerflow.insights.InsightsQueries.PaidResults;
import com.partnerflow.insights.InsightsQueries.PartnerFacts;
import com.partnerflow.insights.InsightsViews.Cohorts;
import com.partnerflow.insights.InsightsViews.Dashboard;
import com.partnerflow.insights.InsightsViews.Funnel;
import com.partnerflow.insights.InsightsViews.Reconciliation;
import com.partnerflow.insights.InsightsViews.ReconciliationRow;
import com.partnerflow.insights.InsightsViews.Review;
import com.partnerflow.insights.InsightsViews.Roi;
import com.partnerflow.insights.InsightsViews.Utilisation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program's figures for its leadership groups ({@link InsightsAccess}); every method refuses
 * anyone else with 404. Without a period the current fund period is meant.
 */
@Service
class Insights {

  /** How many fund periods the utilisation history shows without a period filter. */
  static final int HISTORY_PERIODS = 8;

  private final InsightsQueries queries;
  private final ReconciliationReviews reviews;
  private final FundLedger funds;
  private final Clock clock;

  Insights(InsightsQueries queries, ReconciliationReviews reviews, FundLedger funds, Clock clock) {
    this.queries = queries;
    this.reviews = reviews;
    this.funds = funds;
    this.clock = clock;
  }

  /** The dashboard and the period's reconciliation of the page {@code /insights}. */
  record Page(Dashboard dashboard, Reconciliation reconciliation) {}

  @Transactional(readOnly = true)
  Dashboard dashboard(PartnerflowUser user, InsightsFilter filter) {
    InsightsAccess.require(user);
    FundPeriod period = periodOf(filter);
    return dashboard(filter, period, queries.outcomes(filter, period), partners());
  }

  /**
   * The page's figures from one read of the period's outcomes and of the partners, which the
   * dashboard and the reconciliation share.
   */
  @Transactional(readOnly = true)
  Page page(PartnerflowUser user, InsightsFilter filter) {
    InsightsAccess.require(user);
    FundPeriod period = periodOf(filter);
    List<Outcome> outcomes = queries.outcomes(filter, period);
    Map<String, PartnerFacts> partners = partners();
    return new Page(
        dashboard(filter, period, outcomes, partners),
        new Reconciliation(
            period.id(),
            InsightsFigures.reconciliation(outcomes, partners),
            reviews.of(period.id())));
  }

  private Dashboard dashboard(
      InsightsFilter filter,
      FundPeriod period,
      List<Outcome> outcomes,
      Map<String, PartnerFacts> partners) {
    List<LevelCount> levels = queries.levels(filter, period);
    List<String> currencies = InsightsFigures.currencies(outcomes);
    return new Dashboard(
        period.id(),
        period.startsOn(),
        period.endsOn(),
        utilisationOf(filter),
        InsightsFigures.burnDown(period, today(), queries.ledgerDays(filter, period)),
        InsightsFigures.funnel(outcomes, currencies.isEmpty() ? "EUR" : currencies.get(0)),
        InsightsFigures.roi(outcomes, InsightsGrouping.ACTIVITY_TYPE, partners),
        InsightsFigures.roi(outcomes, InsightsGrouping.PARTNER, partners),
        InsightsFigures.speed(
            durations(queries.timesToDecision(filter, period)),
            queries.cashTimes(filter, period, null),
            levels),
        InsightsFigures.governance(queries.governance(filter, period), levels));
  }

  @Transactional(readOnly = true)
  List<Utilisation> utilisation(PartnerflowUser user, InsightsFilter filter) {
    InsightsAccess.require(user);
    return utilisationOf(filter);
  }

  @Transactional(readOnly = true)
  Funnel funnel(PartnerflowUser user, InsightsFilter filter, String currency) {
    InsightsAccess.require(user);
    List<Outcome> outcomes = queries.outcomes(filter, periodOf(filter));
    List<String> currencies = InsightsFigures.currencies(outcomes);
    String chosen = currency == null || currency.isBlank() ? null : currency.trim().toUpperCase();
    if (chosen != null && !chosen.matches("[A-Z]{3}")) {
      throw InvalidRequestException.of("currency", "must be an ISO 4217 code such as EUR");
    }
    if (chosen == null) {
      chosen = currencies.isEmpty() ? "EUR" : currencies.get(0);
    }
    return InsightsFigures.funnel(outcomes, chosen);
  }

  @Transactional(readOnly = true)
  List<Roi> roi(PartnerflowUser user, InsightsFilter filter, InsightsGrouping groupBy) {
    InsightsAccess.require(user);
    return InsightsFigures.roi(queries.outcomes(filter, periodOf(filter)), groupBy, partners());
  }

  @Transactional(readOnly = true)
  Reconciliation reconciliation(PartnerflowUser user, InsightsFilter filter) {
    InsightsAccess.require(user);
    FundPeriod period = periodOf(filter);
    return new Reconciliation(period.id(), rows(filter, period), reviews.of(period.id()));
  }

  @Transactional
  Review review(PartnerflowUser user, InsightsFilter filter, String note) {
    InsightsAccess.require(user);
    if (note != null && note.length() > 2000) {
      throw InvalidRequestException.of("note", "must be at most 2000 characters");
    }
    FundPeriod period = periodOf(filter);
    int partnerCount = rows(filter, period).size();
    return reviews.record(
        period.id(),
        user.getUsername(),
        note == null || note.isBlank() ? null : note.trim(),
        partnerCount);
  }

  /** Cohorts over the {@code count} periods ending with the filter's (the current) period. */
  @Transactional(readOnly = true)
  Cohorts cohorts(PartnerflowUser user, InsightsFilter filter, InsightsGrouping by, int count) {
    InsightsAccess.require(user);
    List<FundPeriod> periods = periodsEndingWith(periodOf(filter), count);
    List<String> ids = periods.stream().map(FundPeriod::id).toList();
    Map<String, List<PaidResults>> results = queries.paidResults(filter, periods);
    Map<String, List<InsightsQueries.PartnerDuration>> cash = queries.timesToCash(filter, periods);
    return new Cohorts(
        by.parameter,
        ids,
        InsightsFigures.cohortFigures(
            by, ids, queries.ledgerSums(filter, ids), results, cash, partners()));
  }

  private List<ReconciliationRow> rows(InsightsFilter filter, FundPeriod period) {
    return InsightsFigures.reconciliation(queries.outcomes(filter, period), partners());
  }

  private List<Utilisation> utilisationOf(InsightsFilter filter) {
    List<String> periods =
        filter.period() != null
            ? List.of(filter.period().id())
            : lastPeriods(HISTORY_PERIODS).stream().map(FundPeriod::id).toList();
    return InsightsFigures.utilisation(queries.ledgerSums(filter, periods));
  }

  /** The current fund period and the {@code count − 1} before it, oldest first. */
  List<FundPeriod> lastPeriods(int count) {
    return periodsEndingWith(funds.currentPeriod(), count);
  }

  private static List<FundPeriod> periodsEndingWith(FundPeriod last, int count) {
    List<FundPeriod> periods = new ArrayList<>();
    FundPeriod period = last;
    for (int i = 0; i < count; i++) {
      periods.add(period);
      period = FundPeriod.containing(period.startsOn().minusDays(1), period.granularity());
    }
    Collections.reverse(periods);
    return periods;
  }

  FundPeriod periodOf(InsightsFilter filter) {
    return filter.period() != null ? filter.period() : funds.currentPeriod();
  }

  private static List<java.time.Duration> durations(List<InsightsQueries.PartnerDuration> cases) {
    return cases.stream().map(InsightsQueries.PartnerDuration::duration).toList();
  }

  private Map<String, PartnerFacts> partners() {
    return InsightsFigures.byId(queries.partners(), PartnerFacts::id);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }
}
