package com.partnerflow.insights;

import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundPeriod;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small, hand-computed program in one fund period two years before the current one (no other test
 * writes there), written straight into the tables the insights read. Two partners in EUR (and one
 * USD request), five requests, claims, a payment, a duplicate-invoice block, two disputes:
 *
 * <pre>
 * A (GOLD, EMEA, RETAIL+HEALTHCARE)  budget EUR 10,000
 *   R1 WEBINAR 3,000 approved (channel-managers, 36 h), CLOSED; expects 100 leads, 50,000 pipeline,
 *      200 registrations. C1 claims 2,000, PAID (120 h to cash): 40 leads, 5 opps, 30,000 pipeline,
 *      150 registrations. C2 (1,000) LAPSED: released.
 *   R2 EVENT 2,000 escalated by channel-managers, rejected by marketing-directors (48 h);
 *      dispute UPHELD.
 *   R5 WEBINAR 1,500 spot audit by marketing-ops asks for changes (a finding), no decision yet.
 * B (SILVER, AMER, TECHNOLOGY)  budget EUR 5,000
 *   R3 WEBINAR 1,000 approved automatically (5 min), IN_DISBURSEMENT; expects 50 leads, 20,000
 *      pipeline. C3 claims 1,000, approved 800 (payment instructed): 10 leads, 2 opps, 8,000
 *      pipeline; dispute SETTLED. C4 (200) BLOCKED as a duplicate invoice of C1: released.
 *   R4 WEBINAR USD 700 submitted.
 * </pre>
 */
final class InsightsData {

  final FundPeriod period;
  final String partnerA;
  final String partnerB;
  final String nameA;
  final String nameB;
  private final JdbcTemplate jdbc;
  private final FundLedger fundLedger;
  private final RequestOutcomes outcomes;

  private static InsightsData seeded;

  /** The data set, written once per service (all test classes share one database). */
  static synchronized InsightsData seededOnce(
      JdbcTemplate jdbc, FundLedger ledger, RequestOutcomes outcomes, FundPeriod current) {
    if (seeded == null) {
      seeded = new InsightsData(jdbc, ledger, outcomes, current).seed();
    }
    return seeded;
  }

  InsightsData(JdbcTemplate jdbc, FundLedger ledger, RequestOutcomes outcomes, FundPeriod current) {
    this(
        FundPeriod.containing(current.startsOn().minusYears(2), current.granularity()),
        jdbc,
        ledger,
        outcomes);
  }

  /** The same data set in another fund period, for a test that owns that period. */
  static InsightsData in(
      FundPeriod period, JdbcTemplate jdbc, FundLedger ledger, RequestOutcomes outcomes) {
    return new InsightsData(period, jdbc, ledger, outcomes);
  }

  /** A writer of rows into {@code period}, for another test's data set; {@link #seed} not run. */
  InsightsData(FundPeriod period, JdbcTemplate jdbc, FundLedger ledger, RequestOutcomes outcomes) {
    this.jdbc = jdbc;
    this.fundLedger = ledger;
    this.outcomes = outcomes;
    this.period = period;
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    partnerA = UUID.randomUUID().toString();
    partnerB = UUID.randomUUID().toString();
    nameA = "Insights A " + suffix;
    nameB = "Insights B " + suffix;
  }

  InsightsData seed() {
    partner(partnerA, nameA, "GOLD", "EMEA", "RETAIL,HEALTHCARE", -100);
    partner(partnerB, nameB, "SILVER", "AMER", "TECHNOLOGY", -10);
    String budgetA = budget(partnerA, "10000.00", "0.00", "2000.00");
    String budgetB = budget(partnerB, "5000.00", "800.00", "0.00");

    String r1 =
        request(
            partnerA,
            "WEBINAR",
            "EUR",
            "3000.00",
            "3000.00",
            "CLOSED",
            100,
            "50000.00",
            200L,
            2,
            9);
    decision(r1, 0, "carol", "APPROVE", "channel-managers", at(3, 21));
    decision(r1, 1, "system", "FUNDS_RESERVED", null, at(3, 21));
    String c1 =
        claim(
            r1,
            partnerA,
            "PAID",
            "2000.00",
            "2000.00",
            "2000.00",
            40,
            5,
            "30000.00",
            150L,
            at(20, 10));
    String c2 = claim(r1, partnerA, "LAPSED", "1000.00", null, null, null, null, null, null, null);
    String pm1 = payment(c1, r1, partnerA, "2000.00", "CONFIRMED");

    String r2 =
        request(partnerA, "EVENT", "EUR", "2000.00", null, "REJECTED", 80, "40000.00", null, 3, 9);
    decision(r2, 0, "system", "ESCALATED", "channel-managers", at(4, 9));
    decision(r2, 1, "dave", "REJECT", "marketing-directors", at(5, 9));
    decision(r2, 2, "marketing-directors", "REJECTED", null, at(5, 9));
    dispute(partnerA, "GOLD", r2, "MDF_REQUEST", r2, "UPHELD");

    String r5 =
        request(
            partnerA,
            "WEBINAR",
            "EUR",
            "1500.00",
            null,
            "CHANGES_REQUESTED",
            30,
            null,
            null,
            15,
            9);
    decision(r5, 0, "frank", "REQUEST_CHANGES", "marketing-ops", at(15, 13));

    String r3 =
        request(
            partnerB,
            "WEBINAR",
            "EUR",
            "1000.00",
            "1000.00",
            "IN_DISBURSEMENT",
            50,
            "20000.00",
            null,
            10,
            9);
    jdbc.update(
        "INSERT INTO mdf_decision (request_id, seq, actor, action, decided_at) VALUES (?, 0,"
            + " 'system', 'FUNDS_RESERVED', ?)",
        r3,
        Timestamp.valueOf(at(10, 9).plusMinutes(5)));
    String c3 =
        claim(
            r3,
            partnerB,
            "APPROVED",
            "800.00",
            "1000.00",
            "800.00",
            10,
            2,
            "8000.00",
            null,
            at(40, 10));
    payment(c3, r3, partnerB, "800.00", "INSTRUCTED");
    String c4 =
        claim(
            r3, partnerB, "BLOCKED", "200.00", "200.00", null, null, null, null, null, at(41, 10));
    jdbc.update(
        "INSERT INTO disbursement_audit_flag (claim_id, other_claim_id, kind, detail, created_at)"
            + " VALUES (?, ?, 'DUPLICATE_INVOICE', 'same invoice', ?)",
        c4,
        c1,
        Timestamp.valueOf(at(41, 10)));
    dispute(partnerB, "SILVER", r3, "CLAIM", c3, "SETTLED");

    request(partnerB, "WEBINAR", "USD", "700.00", null, "SUBMITTED", 20, null, null, 12, 9);

    ledger(budgetA, "ALLOCATE", "10000.00", null, "alloc:" + budgetA, at(0, 8));
    ledger(budgetB, "ALLOCATE", "5000.00", null, "alloc:" + budgetB, at(0, 8));
    ledger(budgetA, "RESERVE", "3000.00", r1, "reserve:" + r1, at(3, 21));
    ledger(budgetB, "RESERVE", "1000.00", r3, "reserve:" + r3, at(10, 9));
    ledger(budgetA, "PAY", "2000.00", r1, "payment:" + pm1 + ":pay", at(25, 10));
    ledger(
        budgetB, "RELEASE", "200.00", r3, "milestone:" + milestoneOf(c4) + ":release", at(41, 11));
    lapsedRelease(budgetA, "1000.00", r1, "milestone:" + milestoneOf(c2) + ":release", at(60, 0));
    summarise();
    return this;
  }

  /** Day {@code day} of the period (0 = its first) at {@code hour}:00 UTC. */
  LocalDateTime at(int day, int hour) {
    return period.startsOn().plusDays(day).atTime(hour, 0);
  }

  void partner(
      String id, String name, String tier, String region, String verticals, int joinedDay) {
    jdbc.update(
        "INSERT INTO partner (id, name, domain, status, tier, region, verticals, created_at)"
            + " VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?, ?)",
        id,
        name,
        id.substring(0, 8) + ".insights.example",
        tier,
        region,
        verticals,
        Timestamp.valueOf(at(joinedDay, 12)));
  }

  String budget(String partnerId, String allocated, String reserved, String paid) {
    String id = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO fund_budget (id, partner_id, period, currency, starts_on, ends_on, status,"
            + " allocated, reserved, paid, created_at) VALUES (?, ?, ?, 'EUR', ?, ?, 'OPEN', ?, ?,"
            + " ?, ?)",
        id,
        partnerId,
        period.id(),
        period.startsOn(),
        period.endsOn(),
        new BigDecimal(allocated),
        new BigDecimal(reserved),
        new BigDecimal(paid),
        Timestamp.valueOf(at(0, 8)));
    return id;
  }

  /**
   * An entry as the fund ledger files it: a request's movements under the request's activity type.
   * Entries written here reach the ledger's summary with {@link #summarise}.
   */
  void ledger(
      String budgetId,
      String type,
      String amount,
      String requestId,
      String key,
      LocalDateTime when) {
    entry(budgetId, type, amount, requestId, key, when, false);
  }

  /** The RELEASE of a milestone that lapsed. */
  void lapsedRelease(
      String budgetId, String amount, String requestId, String key, LocalDateTime when) {
    entry(budgetId, "RELEASE", amount, requestId, key, when, true);
  }

  /** Brings the read model's summaries in line with the rows written straight into the tables. */
  void summarise() {
    fundLedger.rebuildSummary();
    outcomes.rebuild();
  }

  private void entry(
      String budgetId,
      String type,
      String amount,
      String requestId,
      String key,
      LocalDateTime when,
      boolean lapsed) {
    jdbc.update(
        "INSERT INTO fund_ledger_entry (budget_id, entry_type, amount, currency, reference,"
            + " idempotency_key, actor, created_at, activity_type, lapsed) VALUES (?, ?, ?, 'EUR',"
            + " ?, ?, 'test', ?, (SELECT activity_type FROM mdf_request WHERE id = ?), ?)",
        budgetId,
        type,
        new BigDecimal(amount),
        requestId == null ? null : "mdf-request:" + requestId,
        key,
        Timestamp.valueOf(when),
        requestId,
        lapsed);
  }

  String request(
      String partnerId,
      String activityType,
      String currency,
      String requested,
      String approved,
      String status,
      long expectedLeads,
      String expectedPipeline,
      Long expectedRegistrations,
      int day,
      int hour) {
    String id = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO mdf_request (id, partner_id, submitted_by, activity_type, title, start_date,"
            + " end_date, currency, total_cost, requested_amount, partner_contribution,"
            + " expected_registrations, expected_leads, expected_pipeline, status, approved_amount,"
            + " submitted_at, updated_at) VALUES (?, ?, 'test', ?, 'Insights test', ?, ?, ?, ?, ?,"
            + " 0, ?, ?, ?, ?, ?, ?, ?)",
        id,
        partnerId,
        activityType,
        period.startsOn().plusDays(30),
        period.startsOn().plusDays(31),
        currency,
        new BigDecimal(requested),
        new BigDecimal(requested),
        expectedRegistrations,
        expectedLeads,
        expectedPipeline == null ? null : new BigDecimal(expectedPipeline),
        status,
        approved == null ? null : new BigDecimal(approved),
        Timestamp.valueOf(at(day, hour)),
        Timestamp.valueOf(at(day, hour)));
    return id;
  }

  void decision(
      String requestId, int seq, String actor, String action, String level, LocalDateTime when) {
    jdbc.update(
        "INSERT INTO mdf_decision (request_id, seq, actor, action, approval_level, decided_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        requestId,
        seq,
        actor,
        action,
        level,
        Timestamp.valueOf(when));
  }

  String claim(
      String requestId,
      String partnerId,
      String status,
      String milestoneAmount,
      String claimed,
      String approved,
      Integer leads,
      Integer opportunities,
      String pipeline,
      Long registrations,
      LocalDateTime submitted) {
    String id = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO disbursement_claim (id, mdf_request_id, milestone_id, partner_id, status,"
            + " currency, milestone_amount, claimed_amount, approved_amount, leads, opportunities,"
            + " pipeline_created, registrations, submitted_at, created_at, updated_at) VALUES (?, ?,"
            + " ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        requestId,
        "ms-" + id,
        partnerId,
        status,
        new BigDecimal(milestoneAmount),
        claimed == null ? null : new BigDecimal(claimed),
        approved == null ? null : new BigDecimal(approved),
        leads,
        opportunities,
        pipeline == null ? null : new BigDecimal(pipeline),
        registrations,
        submitted == null ? null : Timestamp.valueOf(submitted),
        Timestamp.valueOf(at(1, 0)),
        Timestamp.valueOf(at(1, 0)));
    return id;
  }

  static String milestoneOf(String claimId) {
    return "ms-" + claimId;
  }

  String payment(String claimId, String requestId, String partnerId, String amount, String status) {
    String id = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO payment (id, claim_id, mdf_request_id, partner_id, amount, currency, status,"
            + " idempotency_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?)",
        id,
        claimId,
        requestId,
        partnerId,
        new BigDecimal(amount),
        status,
        "claim:" + claimId,
        Timestamp.valueOf(at(21, 0)),
        Timestamp.valueOf(at(25, 10)));
    return id;
  }

  private void dispute(
      String partnerId,
      String tier,
      String requestId,
      String subjectType,
      String subjectId,
      String outcome) {
    jdbc.update(
        "INSERT INTO dispute (id, partner_id, partner_tier, subject_type, subject_id,"
            + " mdf_request_id, decision_type, decider_group, excluded_users, disputed_amount,"
            + " currency, category, explanation, status, outcome, opened_by, opened_at, closed_at,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, 'REJECTION', 'channel-managers', '', 100,"
            + " 'EUR', 'OTHER', 'test', 'RESOLVED', ?, 'test', ?, ?, ?)",
        UUID.randomUUID().toString(),
        partnerId,
        tier,
        subjectType,
        subjectId,
        requestId,
        outcome,
        Timestamp.valueOf(at(50, 9)),
        Timestamp.valueOf(at(55, 9)),
        Timestamp.valueOf(at(55, 9)));
  }
}
