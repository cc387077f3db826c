package com.partnerflow.insights;

import com.partnerflow.fund.FundPeriod;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read model: aggregate SQL over the summaries the writes keep (the fund ledger's {@code
 * fund_ledger_total} and {@code fund_ledger_day}, the per-request rows of {@link RequestOutcomes})
 * and over the tables the mdf, disbursement and dispute modules write. Insights reads them directly
 * instead of through those modules' services so that the figures are sums and counts computed by
 * the database, and so that no module depends on insights. Figures about requests cover the
 * requests submitted in the fund period (UTC dates); ledger figures cover the period's budgets.
 */
@Component
class InsightsQueries {

  static final String APPROVED_STATUSES = "('APPROVED','IN_DISBURSEMENT','CLOSED')";
  static final String VERIFIED_CLAIMS = "('APPROVED','PAID')";
  static final String HUMAN_DECISIONS = "('APPROVE','APPROVE_REDUCED','REJECT','REQUEST_CHANGES')";

  /**
   * The governance counts' joins, left out without a partner filter ({@link Scope#partnerJoin}).
   */
  private static final String PARTNER_JOIN = " JOIN partner p ON p.id = r.partner_id";

  private final NamedParameterJdbcTemplate jdbc;

  InsightsQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Sums of one kind of ledger movement of one partner's budget of a period in one currency. */
  record LedgerSum(
      String partnerId,
      String period,
      String currency,
      String entryType,
      boolean lapsed,
      BigDecimal amount) {}

  /** How long something took for one partner's case. */
  record PartnerDuration(String partnerId, Duration duration) {}

  /** A day's ledger movements of one kind in the period's budgets. */
  record LedgerDay(LocalDate day, String currency, String entryType, BigDecimal amount) {}

  /**
   * What happened to the requests of one partner and activity type in one currency: each step of
   * the funnel in requests and money, the expected and the measured outcomes.
   */
  record Outcome(
      String partnerId,
      String activityType,
      String currency,
      long requested,
      BigDecimal requestedAmount,
      long approved,
      BigDecimal approvedAmount,
      long expectedLeads,
      BigDecimal expectedPipeline,
      long expectedRegistrations,
      long claimed,
      BigDecimal claimedAmount,
      long verified,
      BigDecimal verifiedAmount,
      long leads,
      long opportunities,
      BigDecimal pipeline,
      long registrations,
      long paid,
      BigDecimal paidAmount) {}

  /** A partner's paid money and measured results in one currency (of the requests in scope). */
  record PaidResults(
      String partnerId, String currency, BigDecimal paid, long leads, BigDecimal pipeline) {

    static PaidResults of(Outcome o) {
      return new PaidResults(o.partnerId(), o.currency(), o.paidAmount(), o.leads(), o.pipeline());
    }
  }

  /** How many payments, and their nearest-rank p50 and p90 of time to cash (null for none). */
  record CashTimes(long payments, Duration p50, Duration p90) {

    static final CashTimes NONE = new CashTimes(0, null, null);

    /** The same figures computed in the service, from the durations themselves. */
    static CashTimes of(List<Duration> durations) {
      List<Duration> sorted = durations.stream().sorted().toList();
      return new CashTimes(
          sorted.size(),
          InsightsFigures.percentile(sorted, 50),
          InsightsFigures.percentile(sorted, 90));
    }
  }

  /** How often an approval level decided and how often its SLA was breached (escalated). */
  record LevelCount(String level, long decided, long escalated) {}

  /** Governance counts of the requests in scope. */
  record GovernanceCounts(
      long approved,
      long autoApproved,
      long spotAudits,
      long spotAuditFindings,
      long disputes,
      long resolvedDisputes,
      long overturnedDisputes,
      long duplicateInvoiceBlocks,
      long duplicateFileBlocks) {}

  /** A partner as insights groups it. */
  record PartnerFacts(
      String id, String name, String tier, String region, List<String> verticals, Instant joined) {}

  /**
   * Read from the ledger's summary ({@code fund_ledger_total}, kept by the fund ledger's writes),
   * not its entries, so the cost follows the number of budgets, not of movements.
   */
  List<LedgerSum> ledgerSums(InsightsFilter filter, List<String> periods) {
    Scope scope = Scope.of(filter);
    String sql =
        """
        SELECT b.partner_id, b.period, b.currency, t.entry_type, t.lapsed, SUM(t.amount)
        FROM fund_ledger_total t
        JOIN fund_budget b ON b.id = t.budget_id"""
            + scope.partnerJoin("b")
            + """

        WHERE b.period IN (:periods)"""
            + scope.partnerWhere()
            + scope.ledgerActivityWhere("t")
            + """

        GROUP BY b.partner_id, b.period, b.currency, t.entry_type, t.lapsed""";
    return jdbc.query(
        sql,
        scope.params().addValue("periods", periods),
        (rs, i) ->
            new LedgerSum(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBoolean(5),
                rs.getBigDecimal(6)));
  }

  /**
   * The period's movements per UTC day, from the ledger's daily summary ({@code fund_ledger_day}).
   */
  List<LedgerDay> ledgerDays(InsightsFilter filter, FundPeriod period) {
    Scope scope = Scope.of(filter);
    String sql =
        """
        SELECT d.entry_day, b.currency, d.entry_type, SUM(d.amount)
        FROM fund_ledger_day d
        JOIN fund_budget b ON b.id = d.budget_id"""
            + scope.partnerJoin("b")
            + """

        WHERE b.period = :period"""
            + scope.partnerWhere()
            + scope.ledgerActivityWhere("d")
            + """

        GROUP BY d.entry_day, b.currency, d.entry_type
        ORDER BY 1
        """;
    return jdbc.query(
        sql,
        scope.params().addValue("period", period.id()),
        (rs, i) ->
            new LedgerDay(
                rs.getObject(1, LocalDate.class),
                rs.getString(2),
                rs.getString(3),
                rs.getBigDecimal(4)));
  }

  /**
   * From the per-request rows of {@link RequestOutcomes} ({@code insights_request_outcome}, aliased
   * {@code r} so that the request filters apply), summed per partner, activity type and currency.
   */
  List<Outcome> outcomes(InsightsFilter filter, FundPeriod period) {
    Scope scope = Scope.of(filter).inPeriod(period);
    String approved = "r.status IN " + APPROVED_STATUSES;
    String sql =
        """
        SELECT r.partner_id, r.activity_type, r.currency,
          COUNT(*), SUM(r.requested_amount),
          SUM(CASE WHEN %1$s THEN 1 ELSE 0 END),
          SUM(CASE WHEN %1$s THEN COALESCE(r.approved_amount, 0) ELSE 0 END),
          SUM(CASE WHEN %1$s THEN COALESCE(r.expected_leads, 0) ELSE 0 END),
          SUM(CASE WHEN %1$s THEN COALESCE(r.expected_pipeline, 0) ELSE 0 END),
          SUM(CASE WHEN %1$s THEN COALESCE(r.expected_registrations, 0) ELSE 0 END),
          SUM(CASE WHEN r.claimed > 0 THEN 1 ELSE 0 END), SUM(r.claimed_amount),
          SUM(CASE WHEN r.verified > 0 THEN 1 ELSE 0 END), SUM(r.verified_amount),
          SUM(r.leads), SUM(r.opportunities), SUM(r.pipeline), SUM(r.registrations),
          SUM(CASE WHEN r.paid > 0 THEN 1 ELSE 0 END), SUM(r.paid_amount)
        FROM insights_request_outcome r"""
                .formatted(approved)
            + scope.partnerJoin("r")
            + " WHERE 1 = 1"
            + scope.requestWhere()
            + "\nGROUP BY r.partner_id, r.activity_type, r.currency";
    return jdbc.query(sql, scope.params(), InsightsQueries::outcome);
  }

  /**
   * What cohorts sum of each period's outcomes (by period id): per partner and currency the paid
   * money, leads and pipeline (three of the sums of {@link #outcomes}, not per activity type), from
   * one read for all the periods.
   *
   * @param periods consecutive periods, oldest first
   */
  Map<String, List<PaidResults>> paidResults(InsightsFilter filter, List<FundPeriod> periods) {
    Scope scope = Scope.of(filter).inPeriods(periods.get(0), periods.get(periods.size() - 1));
    String sql =
        "SELECT "
            + periodIndex(scope, periods)
            + " AS period_index, r.partner_id, r.currency,"
            + " SUM(r.paid_amount), SUM(r.leads), SUM(r.pipeline)"
            + " FROM insights_request_outcome r"
            + scope.partnerJoin("r")
            + " WHERE 1 = 1"
            + scope.requestWhere()
            + "\nGROUP BY period_index, r.partner_id, r.currency";
    Map<String, List<PaidResults>> results = perPeriod(periods);
    jdbc.query(
        sql,
        scope.params(),
        rs -> {
          results
              .get(periods.get(rs.getInt(1)).id())
              .add(
                  new PaidResults(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getBigDecimal(4),
                      rs.getLong(5),
                      rs.getBigDecimal(6)));
        });
    return results;
  }

  /**
   * The index in {@code periods} (consecutive, oldest first) of the period a row's request ({@code
   * r.submitted_at}) was submitted in, for rows within the periods.
   */
  private static String periodIndex(Scope scope, List<FundPeriod> periods) {
    StringBuilder index = new StringBuilder("CASE");
    for (int i = 1; i < periods.size(); i++) {
      scope.params().addValue("start" + i, start(periods.get(i)));
      index.append(" WHEN r.submitted_at < :start").append(i).append(" THEN ").append(i - 1);
    }
    return index.append(" ELSE ").append(periods.size() - 1).append(" END").toString();
  }

  /** An empty list per period, by id, oldest first. */
  private static <T> Map<String, List<T>> perPeriod(List<FundPeriod> periods) {
    Map<String, List<T>> lists = new LinkedHashMap<>();
    periods.forEach(period -> lists.put(period.id(), new ArrayList<>()));
    return lists;
  }

  private static Outcome outcome(ResultSet rs, int i) throws SQLException {
    return new Outcome(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getBigDecimal(5),
        rs.getLong(6),
        rs.getBigDecimal(7),
        rs.getLong(8),
        rs.getBigDecimal(9),
        rs.getLong(10),
        rs.getLong(11),
        rs.getBigDecimal(12),
        rs.getLong(13),
        rs.getBigDecimal(14),
        rs.getLong(15),
        rs.getLong(16),
        rs.getBigDecimal(17),
        rs.getLong(18),
        rs.getLong(19),
        rs.getBigDecimal(20));
  }

  /** Submission to the final decision (funds reserved, or rejected) of each decided request. */
  List<PartnerDuration> timesToDecision(InsightsFilter filter, FundPeriod period) {
    Scope scope = Scope.of(filter).inPeriod(period);
    String sql =
        """
        SELECT r.submitted_at, MIN(d.decided_at), r.partner_id
        FROM mdf_request r
        JOIN mdf_decision d ON d.request_id = r.id AND d.action IN ('FUNDS_RESERVED', 'REJECTED')"""
            + scope.partnerJoin("r")
            + " WHERE 1 = 1"
            + scope.requestWhere()
            + "\nGROUP BY r.id, r.submitted_at, r.partner_id";
    return jdbc.query(
        sql, scope.params(), (rs, i) -> new PartnerDuration(rs.getString(3), between(rs, i)));
  }

  /**
   * A claim's submission to the bank's confirmation of its payment (the ledger's PAY) of each
   * partner's payments, per period (by id), from the per-payment rows of {@link RequestOutcomes}
   * ({@code insights_cash_time}, aliased {@code r}): one read for all the periods, each row only
   * its period's index, its partner and its microseconds.
   *
   * @param periods consecutive periods, oldest first
   */
  Map<String, List<PartnerDuration>> timesToCash(InsightsFilter filter, List<FundPeriod> periods) {
    Scope scope = Scope.of(filter).inPeriods(periods.get(0), periods.get(periods.size() - 1));
    String sql =
        "SELECT "
            + periodIndex(scope, periods)
            + ", r.partner_id, r.cash_micros FROM insights_cash_time r"
            + scope.partnerJoin("r")
            + " WHERE 1 = 1"
            + scope.requestWhere();
    Map<String, List<PartnerDuration>> times = perPeriod(periods);
    jdbc.query(
        sql,
        scope.params(),
        rs -> {
          times
              .get(periods.get(rs.getInt(1)).id())
              .add(
                  new PartnerDuration(
                      rs.getString(2), Duration.of(rs.getLong(3), ChronoUnit.MICROS)));
        });
    return times;
  }

  /**
   * The count and nearest-rank p50 and p90 of time to cash ({@code cash_micros} of {@code
   * insights_cash_time}) of the requests in scope, computed by the database: a count, then the row
   * at each rank in time-to-cash order, so that no payment is read into the service.
   *
   * @param partnerIds only these partners' payments; null for every partner in scope
   */
  CashTimes cashTimes(InsightsFilter filter, FundPeriod period, Collection<String> partnerIds) {
    if (partnerIds != null && partnerIds.isEmpty()) {
      return CashTimes.NONE;
    }
    Scope scope = Scope.of(filter).inPeriod(period);
    String from =
        """

        FROM insights_cash_time r"""
            + scope.partnerJoin("r")
            + " WHERE 1 = 1"
            + scope.requestWhere()
            + (partnerIds == null ? "" : " AND r.partner_id IN (:partnerIds)");
    MapSqlParameterSource params = scope.params();
    if (partnerIds != null) {
      params.addValue("partnerIds", partnerIds);
    }
    long n = jdbc.queryForObject("SELECT COUNT(*)" + from, params, Long.class);
    if (n == 0) {
      return CashTimes.NONE;
    }
    String nth = "SELECT r.cash_micros" + from + "\nORDER BY r.cash_micros LIMIT 1 OFFSET :offset";
    return new CashTimes(
        n,
        cashAt(nth, params, InsightsFigures.rank(n, 50)),
        cashAt(nth, params, InsightsFigures.rank(n, 90)));
  }

  private Duration cashAt(String sql, MapSqlParameterSource params, long rank) {
    long micros = jdbc.queryForObject(sql, params.addValue("offset", rank - 1), Long.class);
    return Duration.of(micros, ChronoUnit.MICROS);
  }

  private static Duration between(ResultSet rs, int i) throws SQLException {
    return Duration.between(
        instant(rs.getObject(1, LocalDateTime.class)),
        instant(rs.getObject(2, LocalDateTime.class)));
  }

  List<LevelCount> levels(InsightsFilter filter, FundPeriod period) {
    Scope scope = Scope.of(filter).inPeriod(period);
    String sql =
        """
        SELECT d.approval_level,
          SUM(CASE WHEN d.action IN %s THEN 1 ELSE 0 END),
          SUM(CASE WHEN d.action = 'ESCALATED' THEN 1 ELSE 0 END)
        FROM mdf_decision d
        JOIN mdf_request r ON r.id = d.request_id"""
                .formatted(HUMAN_DECISIONS)
            + scope.partnerJoin("r")
            + " WHERE d.approval_level IS NOT NULL"
            + scope.requestWhere()
            + "\nGROUP BY d.approval_level ORDER BY d.approval_level";
    return jdbc.query(
        sql,
        scope.params(),
        (rs, i) -> new LevelCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
  }

  GovernanceCounts governance(InsightsFilter filter, FundPeriod period) {
    Scope scope = Scope.of(filter).inPeriod(period);
    String from = "\nFROM mdf_request r JOIN partner p ON p.id = r.partner_id WHERE 1 = 1";
    String where = scope.requestWhere();
    String sql =
        ("SELECT"
                + " (SELECT COUNT(*) %1$s %2$s AND r.status IN %3$s),"
                + " (SELECT COUNT(*) %1$s %2$s AND r.status IN %3$s AND NOT EXISTS (SELECT 1 FROM"
                + " mdf_decision d WHERE d.request_id = r.id AND d.action IN ('APPROVE',"
                + " 'APPROVE_REDUCED', 'DISPUTE_APPROVED'))),"
                + " (SELECT COUNT(*) FROM mdf_decision d JOIN mdf_request r ON r.id = d.request_id"
                + " JOIN partner p ON p.id = r.partner_id WHERE d.approval_level = 'marketing-ops'"
                + " AND d.action IN %4$s %2$s),"
                + " (SELECT COUNT(*) FROM mdf_decision d JOIN mdf_request r ON r.id = d.request_id"
                + " JOIN partner p ON p.id = r.partner_id WHERE d.approval_level = 'marketing-ops'"
                + " AND d.action IN %4$s AND d.action <> 'APPROVE' %2$s),"
                + " (SELECT COUNT(*) FROM dispute dp JOIN mdf_request r ON r.id = dp.mdf_request_id"
                + " JOIN partner p ON p.id = r.partner_id WHERE 1 = 1 %2$s),"
                + " (SELECT COUNT(*) FROM dispute dp JOIN mdf_request r ON r.id = dp.mdf_request_id"
                + " JOIN partner p ON p.id = r.partner_id WHERE dp.outcome IS NOT NULL %2$s),"
                + " (SELECT COUNT(*) FROM dispute dp JOIN mdf_request r ON r.id = dp.mdf_request_id"
                + " JOIN partner p ON p.id = r.partner_id WHERE dp.outcome IN ('OVERTURNED',"
                + " 'SETTLED') %2$s),"
                + " (SELECT COUNT(DISTINCT f.claim_id) FROM disbursement_audit_flag f JOIN"
                + " disbursement_claim c ON c.id = f.claim_id JOIN mdf_request r ON r.id ="
                + " c.mdf_request_id JOIN partner p ON p.id = r.partner_id WHERE f.kind ="
                + " 'DUPLICATE_INVOICE' %2$s),"
                + " (SELECT COUNT(DISTINCT f.claim_id) FROM disbursement_audit_flag f JOIN"
                + " disbursement_claim c ON c.id = f.claim_id JOIN mdf_request r ON r.id ="
                + " c.mdf_request_id JOIN partner p ON p.id = r.partner_id WHERE f.kind ="
                + " 'DUPLICATE_FILE' %2$s)")
            .formatted(from, where, APPROVED_STATUSES, HUMAN_DECISIONS)
            .replace(PARTNER_JOIN, scope.partnerJoin("r"));
    return jdbc.queryForObject(
        sql,
        scope.params(),
        (rs, i) ->
            new GovernanceCounts(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getLong(7),
                rs.getLong(8),
                rs.getLong(9)));
  }

  List<PartnerFacts> partners() {
    return jdbc.query(
        "SELECT id, name, tier, region, verticals, created_at FROM partner ORDER BY name",
        (rs, i) ->
            new PartnerFacts(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Optional.ofNullable(rs.getString(5)).stream()
                    .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                    .map(String::trim)
                    .filter(v -> !v.isEmpty())
                    .toList(),
                instant(rs.getObject(6, LocalDateTime.class))));
  }

  private static Timestamp start(FundPeriod period) {
    return Timestamp.valueOf(period.startsOn().atStartOfDay());
  }

  /** The service stores instants as UTC wall-clock times ({@code hibernate.jdbc.time_zone}). */
  private static Instant instant(LocalDateTime stored) {
    return stored.toInstant(ZoneOffset.UTC);
  }

  /** The WHERE fragments and parameters of a filter. */
  private record Scope(InsightsFilter filter, MapSqlParameterSource params, FundPeriod period) {

    static Scope of(InsightsFilter filter) {
      MapSqlParameterSource params = new MapSqlParameterSource();
      if (filter.tier() != null) {
        params.addValue("tier", filter.tier().name());
      }
      if (filter.region() != null) {
        params.addValue("region", filter.region().name());
      }
      if (filter.vertical() != null) {
        params.addValue("vertical", "%," + filter.vertical() + ",%");
      }
      if (filter.activityType() != null) {
        params.addValue("activityType", filter.activityType().name());
      }
      return new Scope(filter, params, null);
    }

    Scope inPeriod(FundPeriod period) {
      return inPeriods(period, period);
    }

    /** From the start of {@code first} to the end of {@code last}. */
    Scope inPeriods(FundPeriod first, FundPeriod last) {
      params.addValue("from", start(first));
      params.addValue("to", Timestamp.valueOf(last.endsOn().plusDays(1).atStartOfDay()));
      return new Scope(filter, params, first);
    }

    /**
     * The join to {@code partner} (of the rows aliased {@code alias}) that {@link #partnerWhere}
     * needs; none without a partner filter, as every request's and budget's partner exists (foreign
     * keys) and a join per row costs H2 more than reading the row.
     */
    String partnerJoin(String alias) {
      boolean partnerFilter =
          filter.tier() != null || filter.region() != null || filter.vertical() != null;
      return partnerFilter ? " JOIN partner p ON p.id = %s.partner_id".formatted(alias) : "";
    }

    String partnerWhere() {
      return (filter.tier() == null ? "" : " AND p.tier = :tier")
          + (filter.region() == null ? "" : " AND p.region = :region")
          + (filter.vertical() == null
              ? ""
              : " AND CONCAT(',', REPLACE(COALESCE(p.verticals, ''), ' ', ''), ',') LIKE :vertical");
    }

    /** Allocations and adjustments fund no activity; with an activity type only its movements. */
    String ledgerActivityWhere(String alias) {
      return filter.activityType() == null
          ? ""
          : " AND (%1$s.entry_type IN ('ALLOCATE', 'ADJUST') OR %1$s.activity_type = :activityType)"
              .formatted(alias);
    }

    String requestWhere() {
      return partnerWhere()
          + (filter.activityType() == null ? "" : " AND r.activity_type = :activityType")
          + (period == null ? "" : " AND r.submitted_at >= :from AND r.submitted_at < :to");
    }

    @Override
    public MapSqlParameterSource params() {
      return params;
    }
  }
}
