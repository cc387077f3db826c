package com.partnerflow.insights;

import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.identity.UserAccounts;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hand-computed tier for the scorecard, in the fund period four years and a quarter before the
 * current one (no other test writes there, so the tier's peers are only these): the partner S and
 * its peers Q1–Q3, all GOLD, in EUR, and a SILVER partner L alone in its tier. Users {@code sc-s-…}
 * (of S) and {@code sc-q-…} (of Q1), password {@code demo}.
 *
 * <pre>
 * S   budget 10,000. R1 WEBINAR 4,000 approved (36 h), expects 100 leads, 50,000 pipeline;
 *     C1 2,000 PAID (120 h to cash): 40 leads, 5 opps, 30,000 pipeline; C2 (1,000) LAPSED.
 *     R2 EVENT 1,000 rejected (48 h).
 * Q1  budget 6,000. R3 WEBINAR 3,000 approved (10 h), expects 60 / 20,000; C3 1,000 PAID (48 h):
 *     30 leads, 3 opps, 10,000 pipeline.
 * Q2  budget 9,000. R4 WEBINAR 1,500 approved (24 h), expects 20 / 10,000; C4 (300) LAPSED.
 * Q3  budget 3,000. R5 EVENT 900 rejected (12 h).
 * L   budget 5,000 (SILVER).
 * </pre>
 */
final class ScorecardData {

  final FundPeriod period;
  final String s = UUID.randomUUID().toString();
  final String q1 = UUID.randomUUID().toString();
  final String lonely = UUID.randomUUID().toString();
  final String nameS;
  final String userS;
  final String userQ1;
  private final InsightsData rows;

  private static ScorecardData seeded;

  /** The data set, written once per service (all test classes share one database). */
  static synchronized ScorecardData seededOnce(
      JdbcTemplate jdbc,
      FundLedger ledger,
      RequestOutcomes outcomes,
      UserAccounts accounts,
      FundPeriod current) {
    if (seeded == null) {
      seeded = new ScorecardData(jdbc, ledger, outcomes, current);
      seeded.seed(accounts);
      seeded.rows.summarise();
    }
    return seeded;
  }

  private ScorecardData(
      JdbcTemplate jdbc, FundLedger ledger, RequestOutcomes outcomes, FundPeriod current) {
    period =
        FundPeriod.containing(
            current.startsOn().minusYears(4).minusMonths(3), current.granularity());
    rows = new InsightsData(period, jdbc, ledger, outcomes);
    String suffix = s.substring(0, 8);
    nameS = "Scorecard S " + suffix;
    userS = "sc-s-" + suffix;
    userQ1 = "sc-q-" + suffix;
  }

  private void seed(UserAccounts accounts) {
    String q2 = UUID.randomUUID().toString();
    String q3 = UUID.randomUUID().toString();
    rows.partner(s, nameS, "GOLD", "EMEA", "RETAIL", -100);
    rows.partner(q1, "Scorecard Q1 " + q1.substring(0, 8), "GOLD", "AMER", "RETAIL", -100);
    rows.partner(q2, "Scorecard Q2 " + q2.substring(0, 8), "GOLD", "APAC", "RETAIL", -100);
    rows.partner(q3, "Scorecard Q3 " + q3.substring(0, 8), "GOLD", "EMEA", "RETAIL", -100);
    rows.partner(lonely, "Scorecard L " + lonely.substring(0, 8), "SILVER", "EMEA", "RETAIL", -100);
    accounts.createIfAbsent(userS, "demo", "Scorecard S user", null, s, Set.of());
    accounts.createIfAbsent(userQ1, "demo", "Scorecard Q1 user", null, q1, Set.of());

    String budgetS = allocated(s, "10000.00");
    String r1 = approved(s, "4000.00", "CLOSED", 100, "50000.00", 2, 36);
    rows.ledger(budgetS, "RESERVE", "4000.00", r1, "reserve:" + r1, rows.at(3, 21));
    paid(budgetS, r1, s, "2000.00", 40, 5, "30000.00", 20, 120);
    lapsed(budgetS, r1, s, "1000.00");
    decided(
        rows.request(s, "EVENT", "EUR", "1000.00", null, "REJECTED", 80, "40000.00", null, 3, 9),
        "REJECTED",
        3,
        48);

    String budgetQ1 = allocated(q1, "6000.00");
    String r3 = approved(q1, "3000.00", "IN_DISBURSEMENT", 60, "20000.00", 4, 10);
    rows.ledger(budgetQ1, "RESERVE", "3000.00", r3, "reserve:" + r3, rows.at(4, 19));
    paid(budgetQ1, r3, q1, "1000.00", 30, 3, "10000.00", 30, 48);

    String budgetQ2 = allocated(q2, "9000.00");
    String r4 = approved(q2, "1500.00", "APPROVED", 20, "10000.00", 6, 24);
    rows.ledger(budgetQ2, "RESERVE", "1500.00", r4, "reserve:" + r4, rows.at(7, 9));
    lapsed(budgetQ2, r4, q2, "300.00");

    allocated(q3, "3000.00");
    decided(
        rows.request(q3, "EVENT", "EUR", "900.00", null, "REJECTED", 10, null, null, 8, 9),
        "REJECTED",
        8,
        12);

    allocated(lonely, "5000.00");
  }

  private String allocated(String partner, String amount) {
    String budget = rows.budget(partner, amount, "0.00", "0.00");
    rows.ledger(budget, "ALLOCATE", amount, null, "alloc:" + budget, rows.at(0, 8));
    return budget;
  }

  /** A WEBINAR request submitted on {@code day} at 09:00, funds reserved {@code hours} later. */
  private String approved(
      String partner,
      String amount,
      String status,
      long expectedLeads,
      String expectedPipeline,
      int day,
      int hours) {
    String r =
        rows.request(
            partner,
            "WEBINAR",
            "EUR",
            amount,
            amount,
            status,
            expectedLeads,
            expectedPipeline,
            null,
            day,
            9);
    return decided(r, "FUNDS_RESERVED", day, hours);
  }

  private String decided(String request, String action, int day, int hours) {
    rows.decision(request, 0, "system", action, null, rows.at(day, 9).plusHours(hours));
    return request;
  }

  /** A claim submitted on {@code day} at 10:00, verified and paid {@code hours} later. */
  private void paid(
      String budget,
      String request,
      String partner,
      String amount,
      int leads,
      int opportunities,
      String pipeline,
      int day,
      int hours) {
    String claim =
        rows.claim(
            request,
            partner,
            "PAID",
            amount,
            amount,
            amount,
            leads,
            opportunities,
            pipeline,
            null,
            rows.at(day, 10));
    String payment = rows.payment(claim, request, partner, amount, "CONFIRMED");
    rows.ledger(
        budget,
        "PAY",
        amount,
        request,
        "payment:" + payment + ":pay",
        rows.at(day, 10).plusHours(hours));
  }

  private void lapsed(String budget, String request, String partner, String amount) {
    String claim =
        rows.claim(request, partner, "LAPSED", amount, null, null, null, null, null, null, null);
    rows.lapsedRelease(
        budget,
        amount,
        request,
        "milestone:" + InsightsData.milestoneOf(claim) + ":release",
        rows.at(60, 0));
  }
}
