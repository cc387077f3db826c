package com.partnerflow.insights;

import com.partnerflow.fund.FundPeriod;
import com.partnerflow.insights.InsightsQueries.CashTimes;
import com.partnerflow.insights.InsightsQueries.GovernanceCounts;
import com.partnerflow.insights.InsightsQueries.LedgerDay;
import com.partnerflow.insights.InsightsQueries.LedgerSum;
import com.partnerflow.insights.InsightsQueries.LevelCount;
import com.partnerflow.insights.InsightsQueries.Outcome;
import com.partnerflow.insights.InsightsQueries.PaidResults;
import com.partnerflow.insights.InsightsQueries.PartnerDuration;
import com.partnerflow.insights.InsightsQueries.PartnerFacts;
import com.partnerflow.insights.InsightsViews.BurnDown;
import com.partnerflow.insights.InsightsViews.BurnDownPoint;
import com.partnerflow.insights.InsightsViews.Cohort;
import com.partnerflow.insights.InsightsViews.CohortValue;
import com.partnerflow.insights.InsightsViews.Funnel;
import com.partnerflow.insights.InsightsViews.FunnelStep;
import com.partnerflow.insights.InsightsViews.Governance;
import com.partnerflow.insights.InsightsViews.LevelSla;
import com.partnerflow.insights.InsightsViews.ReconciliationRow;
import com.partnerflow.insights.InsightsViews.Roi;
import com.partnerflow.insights.InsightsViews.Speed;
import com.partnerflow.insights.InsightsViews.Utilisation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures from the read model's aggregates: sums per currency (never across currencies), rates
 * to four decimals, percentiles by nearest rank. No database here, so every figure is unit-tested
 * with hand-computed data.
 */
final class InsightsFigures {

  static final int RATE_SCALE = 4;
  static final int PER_UNIT_SCALE = 6;

  private InsightsFigures() {}

  /** Allocated, reserved, paid, released and lapsed per period and currency, oldest first. */
  static List<Utilisation> utilisation(List<LedgerSum> sums) {
    Map<String, BigDecimal[]> byKey = new TreeMap<>();
    for (LedgerSum s : sums) {
      BigDecimal[] t =
          byKey.computeIfAbsent(
              s.period() + "|" + s.currency(),
              k -> new BigDecimal[] {zero(), zero(), zero(), zero(), zero()});
      int slot =
          switch (s.entryType()) {
            case "ALLOCATE", "ADJUST" -> 0;
            case "RESERVE" -> 1;
            case "PAY" -> 2;
            case "RELEASE" -> s.lapsed() ? 4 : 3;
            default -> -1;
          };
      if (slot >= 0) {
        t[slot] = t[slot].add(s.amount());
      }
    }
    List<Utilisation> result = new ArrayList<>();
    byKey.forEach(
        (key, t) -> {
          String[] parts = key.split("\\|");
          BigDecimal committed = t[1].subtract(t[3]).subtract(t[4]);
          result.add(
              new Utilisation(
                  parts[0],
                  parts[1],
                  t[0],
                  t[1],
                  t[2],
                  t[3],
                  t[4],
                  committed,
                  rate(committed, t[0])));
        });
    return result;
  }

  /**
   * What is left of the allocation (allocated − reserved + released) at the end of each day of the
   * period up to {@code today}, beside the ideal line that falls evenly from the period's
   * allocation on its first day to zero on its last.
   */
  static List<BurnDown> burnDown(FundPeriod period, LocalDate today, List<LedgerDay> days) {
    Map<String, List<LedgerDay>> byCurrency = new TreeMap<>();
    days.forEach(d -> byCurrency.computeIfAbsent(d.currency(), c -> new ArrayList<>()).add(d));
    LocalDate last = today.isBefore(period.endsOn()) ? today : period.endsOn();
    long length = ChronoUnit.DAYS.between(period.startsOn(), period.endsOn());
    List<BurnDown> result = new ArrayList<>();
    byCurrency.forEach(
        (currency, entries) -> {
          BigDecimal allocated =
              entries.stream()
                  .filter(e -> isAllocation(e.entryType()))
                  .map(LedgerDay::amount)
                  .reduce(zero(), BigDecimal::add);
          List<BurnDownPoint> points = new ArrayList<>();
          BigDecimal remaining = zero();
          int next = 0;
          for (LocalDate day = period.startsOn(); !day.isAfter(last); day = day.plusDays(1)) {
            while (next < entries.size() && !entries.get(next).day().isAfter(day)) {
              LedgerDay e = entries.get(next++);
              remaining =
                  switch (e.entryType()) {
                    case "ALLOCATE", "ADJUST", "RELEASE" -> remaining.add(e.amount());
                    case "RESERVE" -> remaining.subtract(e.amount());
                    default -> remaining;
                  };
            }
            long elapsed = ChronoUnit.DAYS.between(period.startsOn(), day);
            BigDecimal ideal =
                length == 0
                    ? zero()
                    : allocated
                        .multiply(BigDecimal.valueOf(length - elapsed))
                        .divide(BigDecimal.valueOf(length), 2, RoundingMode.HALF_UP);
            points.add(new BurnDownPoint(day, remaining, ideal));
          }
          result.add(new BurnDown(period.id(), currency, allocated, points));
        });
    return result;
  }

  private static boolean isAllocation(String type) {
    return "ALLOCATE".equals(type) || "ADJUST".equals(type);
  }

  /** The currencies of the outcomes, the one with the most requests first. */
  static List<String> currencies(List<Outcome> outcomes) {
    Map<String, Long> requests = new TreeMap<>();
    outcomes.forEach(o -> requests.merge(o.currency(), o.requested(), Long::sum));
    return requests.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Requested → approved → claimed → verified → paid in requests and money of one currency. */
  static Funnel funnel(List<Outcome> outcomes, String currency) {
    List<Outcome> in = outcomes.stream().filter(o -> o.currency().equals(currency)).toList();
    long[] counts = new long[5];
    BigDecimal[] amounts = {zero(), zero(), zero(), zero(), zero()};
    for (Outcome o : in) {
      counts[0] += o.requested();
      counts[1] += o.approved();
      counts[2] += o.claimed();
      counts[3] += o.verified();
      counts[4] += o.paid();
      amounts[0] = amounts[0].add(o.requestedAmount());
      amounts[1] = amounts[1].add(o.approvedAmount());
      amounts[2] = amounts[2].add(o.claimedAmount());
      amounts[3] = amounts[3].add(o.verifiedAmount());
      amounts[4] = amounts[4].add(o.paidAmount());
    }
    String[] names = {"requested", "approved", "claimed", "verified", "paid"};
    List<FunnelStep> steps = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      long dropped = i == 0 ? 0 : counts[i - 1] - counts[i];
      BigDecimal droppedAmount = i == 0 ? zero() : amounts[i - 1].subtract(amounts[i]);
      steps.add(
          new FunnelStep(
              names[i],
              counts[i],
              amounts[i],
              currency,
              dropped,
              i == 0 ? null : rate(BigDecimal.valueOf(dropped), BigDecimal.valueOf(counts[i - 1])),
              droppedAmount));
    }
    return new Funnel(currency, currencies(outcomes), steps);
  }

  /** ROI per group and currency, the largest paid amount first. */
  static List<Roi> roi(
      List<Outcome> outcomes, InsightsGrouping groupBy, Map<String, PartnerFacts> partners) {
    Map<String, Outcome> sums = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (Outcome o : outcomes) {
      PartnerFacts partner = partners.get(o.partnerId());
      for (String[] key : groupBy.keys(o, partner)) {
        String mapKey = key[0] + "|" + o.currency();
        labels.putIfAbsent(mapKey, key[1]);
        sums.merge(mapKey, o, InsightsFigures::plus);
      }
    }
    List<Roi> result = new ArrayList<>();
    sums.forEach(
        (mapKey, o) ->
            result.add(
                new Roi(
                    mapKey.substring(0, mapKey.lastIndexOf('|')),
                    labels.get(mapKey),
                    o.currency(),
                    o.requested(),
                    o.approvedAmount(),
                    o.paidAmount(),
                    o.leads(),
                    o.opportunities(),
                    o.pipeline(),
                    perUnit(BigDecimal.valueOf(o.leads()), o.paidAmount()),
                    perUnit(BigDecimal.valueOf(o.opportunities()), o.paidAmount()),
                    perUnit(o.pipeline(), o.paidAmount()),
                    money(o.paidAmount(), BigDecimal.valueOf(o.leads())),
                    o.expectedLeads(),
                    o.expectedPipeline(),
                    money(o.approvedAmount(), BigDecimal.valueOf(o.expectedLeads())))));
    result.sort(
        Comparator.comparing(Roi::paid)
            .reversed()
            .thenComparing(Roi::key)
            .thenComparing(Roi::currency));
    return result;
  }

  /** Forecast (expected outcomes of approved requests) against actual, per partner and currency. */
  static List<ReconciliationRow> reconciliation(
      List<Outcome> outcomes, Map<String, PartnerFacts> partners) {
    Map<String, Outcome> sums = new TreeMap<>();
    for (Outcome o : outcomes) {
      PartnerFacts p = partners.get(o.partnerId());
      String name = p == null ? o.partnerId() : p.name();
      sums.merge(name + "|" + o.partnerId() + "|" + o.currency(), o, InsightsFigures::plus);
    }
    List<ReconciliationRow> rows = new ArrayList<>();
    sums.forEach(
        (key, o) -> {
          if (o.approved() == 0) {
            return;
          }
          PartnerFacts p = partners.get(o.partnerId());
          rows.add(
              new ReconciliationRow(
                  o.partnerId(),
                  p == null ? o.partnerId() : p.name(),
                  o.currency(),
                  o.approved(),
                  o.approvedAmount(),
                  o.paidAmount(),
                  o.expectedLeads(),
                  o.leads(),
                  o.leads() - o.expectedLeads(),
                  rate(BigDecimal.valueOf(o.leads()), BigDecimal.valueOf(o.expectedLeads())),
                  o.expectedPipeline(),
                  o.pipeline(),
                  o.pipeline().subtract(o.expectedPipeline()),
                  rate(o.pipeline(), o.expectedPipeline()),
                  o.expectedRegistrations(),
                  o.registrations(),
                  o.opportunities()));
        });
    return rows;
  }

  static Speed speed(List<Duration> toDecision, List<Duration> toCash, List<LevelCount> levels) {
    return speed(toDecision, CashTimes.of(toCash), levels);
  }

  /** With time to cash already reduced to its count and percentiles (by the database). */
  static Speed speed(List<Duration> toDecision, CashTimes cash, List<LevelCount> levels) {
    List<Duration> decisions = toDecision.stream().sorted().toList();
    List<LevelSla> sla =
        levels.stream()
            .map(
                l ->
                    new LevelSla(
                        l.level(),
                        l.decided(),
                        l.escalated(),
                        rate(
                            BigDecimal.valueOf(l.decided()),
                            BigDecimal.valueOf(l.decided() + l.escalated()))))
            .toList();
    return new Speed(
        decisions.size(),
        percentile(decisions, 50),
        percentile(decisions, 90),
        cash.payments(),
        cash.p50(),
        cash.p90(),
        sla);
  }

  static Governance governance(GovernanceCounts c, List<LevelCount> levels) {
    long escalations = levels.stream().mapToLong(LevelCount::escalated).sum();
    return new Governance(
        c.approved(),
        c.autoApproved(),
        rate(BigDecimal.valueOf(c.autoApproved()), BigDecimal.valueOf(c.approved())),
        escalations,
        c.spotAudits(),
        c.spotAuditFindings(),
        c.disputes(),
        c.resolvedDisputes(),
        c.overturnedDisputes(),
        rate(BigDecimal.valueOf(c.overturnedDisputes()), BigDecimal.valueOf(c.resolvedDisputes())),
        c.duplicateInvoiceBlocks(),
        c.duplicateFileBlocks());
  }

  /**
   * Partners grouped by a fact of theirs (tier, region, vertical, join quarter), per currency, over
   * the given periods: utilisation, ROI and time to cash of each cohort in each period.
   */
  static List<Cohort> cohorts(
      InsightsGrouping by,
      List<String> periods,
      List<LedgerSum> ledger,
      Map<String, List<Outcome>> outcomesByPeriod,
      Map<String, List<PartnerDuration>> cashByPeriod,
      Map<String, PartnerFacts> partners) {
    Map<String, List<PaidResults>> results = new LinkedHashMap<>();
    outcomesByPeriod.forEach(
        (period, list) -> results.put(period, list.stream().map(PaidResults::of).toList()));
    return cohortFigures(by, periods, ledger, results, cashByPeriod, partners);
  }

  /** As {@link #cohorts}, from the outcomes' paid money and results only. */
  static List<Cohort> cohortFigures(
      InsightsGrouping by,
      List<String> periods,
      List<LedgerSum> ledger,
      Map<String, List<PaidResults>> outcomesByPeriod,
      Map<String, List<PartnerDuration>> cashByPeriod,
      Map<String, PartnerFacts> partners) {
    Map<String, List<LedgerSum>> ledgerByCohort = new TreeMap<>();
    for (LedgerSum l : ledger) {
      for (String[] key : by.partnerKeys(partners.get(l.partnerId()))) {
        ledgerByCohort.computeIfAbsent(key[0] + "|" + l.currency(), k -> new ArrayList<>()).add(l);
      }
    }
    Map<String, PaidResults> outcomes = new TreeMap<>();
    outcomesByPeriod.forEach(
        (period, list) ->
            list.forEach(
                o -> {
                  for (String[] key : by.partnerKeys(partners.get(o.partnerId()))) {
                    outcomes.merge(
                        key[0] + "|" + o.currency() + "|" + period,
                        o,
                        (a, b) ->
                            new PaidResults(
                                a.partnerId(),
                                a.currency(),
                                a.paid().add(b.paid()),
                                a.leads() + b.leads(),
                                a.pipeline().add(b.pipeline())));
                    ledgerByCohort.computeIfAbsent(
                        key[0] + "|" + o.currency(), k -> new ArrayList<>());
                  }
                }));
    Map<String, long[]> cash = cohortNanos(by, cashByPeriod, partners);
    List<Cohort> result = new ArrayList<>();
    ledgerByCohort.forEach(
        (cohortKey, sums) -> {
          String[] parts = cohortKey.split("\\|");
          Map<String, Utilisation> utilisation = byId(utilisation(sums), Utilisation::period);
          List<CohortValue> values = new ArrayList<>();
          for (String period : periods) {
            Utilisation u = utilisation.get(period);
            PaidResults o = outcomes.get(cohortKey + "|" + period);
            long[] times = cash.getOrDefault(parts[0] + "|" + period, new long[0]);
            BigDecimal paid = o == null ? zero() : o.paid();
            long leads = o == null ? 0 : o.leads();
            BigDecimal pipeline = o == null ? zero() : o.pipeline();
            values.add(
                new CohortValue(
                    period,
                    u == null ? zero() : u.allocated(),
                    u == null ? zero() : u.committed(),
                    u == null ? null : u.utilisationRate(),
                    paid,
                    leads,
                    pipeline,
                    perUnit(pipeline, paid),
                    money(paid, BigDecimal.valueOf(leads)),
                    times.length,
                    times.length == 0
                        ? null
                        : Duration.ofNanos(times[(int) rank(times.length, 50) - 1])));
          }
          result.add(new Cohort(parts[0], parts[1], values));
        });
    return result;
  }

  /**
   * Each cohort's times to cash in nanoseconds per period (key {@code cohort|period}), sorted: a
   * period's payments are gathered per partner first and each partner's cohorts are looked up once,
   * so the work per payment is an array store, not a key lookup and a string.
   */
  private static Map<String, long[]> cohortNanos(
      InsightsGrouping by,
      Map<String, List<PartnerDuration>> cashByPeriod,
      Map<String, PartnerFacts> partners) {
    Map<String, List<String[]>> keysOf = new LinkedHashMap<>();
    Map<String, long[]> result = new TreeMap<>();
    cashByPeriod.forEach(
        (period, list) -> {
          Map<String, Nanos> byPartner = new LinkedHashMap<>();
          for (PartnerDuration d : list) {
            byPartner.computeIfAbsent(d.partnerId(), id -> new Nanos()).add(d.duration().toNanos());
          }
          Map<String, List<Nanos>> byCohort = new LinkedHashMap<>();
          byPartner.forEach(
              (partnerId, nanos) -> {
                List<String[]> keys =
                    keysOf.computeIfAbsent(partnerId, id -> by.partnerKeys(partners.get(id)));
                for (String[] key : keys) {
                  byCohort.computeIfAbsent(key[0], k -> new ArrayList<>()).add(nanos);
                }
              });
          byCohort.forEach((cohort, parts) -> result.put(cohort + "|" + period, sorted(parts)));
        });
    return result;
  }

  private static long[] sorted(List<Nanos> parts) {
    long[] all = new long[parts.stream().mapToInt(n -> n.size).sum()];
    int at = 0;
    for (Nanos n : parts) {
      System.arraycopy(n.values, 0, all, at, n.size);
      at += n.size;
    }
    Arrays.sort(all);
    return all;
  }

  /** A growing array of nanoseconds. */
  private static final class Nanos {
    long[] values = new long[8];
    int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }
  }

  /** The nearest-rank percentile of sorted durations; null for none. */
  static Duration percentile(List<Duration> sorted, int p) {
    if (sorted.isEmpty()) {
      return null;
    }
    return sorted.get((int) rank(sorted.size(), p) - 1);
  }

  /**
   * The nearest rank of the p-th percentile of n values: ceil(p / 100 * n), at least 1, in integers
   * so that a whole p * n / 100 is not rounded up past itself. The database's percentiles ({@link
   * InsightsQueries#cashTimes}) take the value at this rank too.
   */
  static long rank(long n, int p) {
    return Math.max((p * n + 99) / 100, 1);
  }

  /** part / whole to four decimals; null when the whole is zero. */
  static BigDecimal rate(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? null : part.divide(whole, RATE_SCALE, RoundingMode.HALF_UP);
  }

  static BigDecimal perUnit(BigDecimal value, BigDecimal paid) {
    return paid.signum() == 0 ? null : value.divide(paid, PER_UNIT_SCALE, RoundingMode.HALF_UP);
  }

  static BigDecimal money(BigDecimal amount, BigDecimal count) {
    return count.signum() == 0 ? null : amount.divide(count, 2, RoundingMode.HALF_UP);
  }

  static Outcome plus(Outcome a, Outcome b) {
    return new Outcome(
        a.partnerId(),
        a.activityType(),
        a.currency(),
        a.requested() + b.requested(),
        a.requestedAmount().add(b.requestedAmount()),
        a.approved() + b.approved(),
        a.approvedAmount().add(b.approvedAmount()),
        a.expectedLeads() + b.expectedLeads(),
        a.expectedPipeline().add(b.expectedPipeline()),
        a.expectedRegistrations() + b.expectedRegistrations(),
        a.claimed() + b.claimed(),
        a.claimedAmount().add(b.claimedAmount()),
        a.verified() + b.verified(),
        a.verifiedAmount().add(b.verifiedAmount()),
        a.leads() + b.leads(),
        a.opportunities() + b.opportunities(),
        a.pipeline().add(b.pipeline()),
        a.registrations() + b.registrations(),
        a.paid() + b.paid(),
        a.paidAmount().add(b.paidAmount()));
  }

  static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }

  static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(i -> map.put(id.apply(i), i));
    return map;
  }
}
