package com.partnerflow.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.fund.FundPeriod;
import com.partnerflow.insights.InsightsQueries.CashTimes;
import com.partnerflow.insights.InsightsQueries.PaidResults;
import com.partnerflow.insights.InsightsQueries.PartnerDuration;
import com.partnerflow.mdf.ActivityType;
import com.partnerflow.partner.Tier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Time-to-cash percentiles computed by the database ({@link InsightsQueries#cashTimes}), the
 * cohorts' times to cash per period and partner ({@link InsightsQueries#timesToCash}) and paid
 * results ({@link InsightsQueries#paidResults}), with and without the partner join, on every
 * database the service supports: H2 in MySQL mode ({@link InsightsQueriesIT}) and a real
 * MySQL-protocol server ({@link MySqlInsightsQueriesIT}). The rows' microseconds come from the same
 * TIMESTAMPDIFF the writes and the migration use; the expectations are hand-computed nearest ranks.
 */
abstract class InsightsQueriesContract {

  static final FundPeriod Q3 = FundPeriod.of("2026-Q3");
  static final FundPeriod Q4 = FundPeriod.of("2026-Q4");
  static final LocalDateTime IN_Q4 = LocalDateTime.parse("2026-10-05T09:00:00");
  static final LocalDateTime CLAIMED = LocalDateTime.parse("2026-10-20T08:00:00");

  @Autowired InsightsQueries queries;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void payments() {
    jdbc.update("DELETE FROM insights_cash_time WHERE partner_id LIKE 'cq-%'");
    jdbc.update("DELETE FROM insights_request_outcome WHERE partner_id LIKE 'cq-%'");
    jdbc.update("DELETE FROM partner WHERE id LIKE 'cq-%'");
    partner("cq-gold-1", "GOLD");
    partner("cq-gold-2", "GOLD");
    partner("cq-silver", "SILVER");
    // Sorted, the seven of Q4: 6 h, 1 d, 2 d + 500 µs, 3 d, 4 d, 5 d, 10 d.
    payment("cq-p1", "cq-gold-1", IN_Q4, Duration.ofDays(3));
    payment("cq-p2", "cq-gold-1", IN_Q4, Duration.ofDays(1));
    payment("cq-p3", "cq-gold-1", IN_Q4, Duration.ofDays(2).plusNanos(500_000));
    payment("cq-p4", "cq-gold-2", IN_Q4, Duration.ofDays(5));
    payment("cq-p5", "cq-gold-2", IN_Q4, Duration.ofDays(4));
    payment("cq-p6", "cq-silver", IN_Q4, Duration.ofDays(10));
    payment("cq-p7", "cq-silver", IN_Q4, Duration.ofHours(6));
    // A request submitted in Q3 is not Q4's, however fast its cash.
    payment("cq-p8", "cq-gold-1", IN_Q4.minusMonths(1), Duration.ofMinutes(1));
    // As the writes and the migration compute it: from the stored times.
    jdbc.update(
        "UPDATE insights_cash_time SET cash_micros ="
            + " TIMESTAMPDIFF(MICROSECOND, claim_submitted_at, paid_at) WHERE partner_id LIKE 'cq-%'");
  }

  @Test
  void everyPartnersPaymentsOfThePeriod() {
    // n = 7: p50 rank ceil(3.5) = 4, p90 rank ceil(6.3) = 7.
    assertThat(queries.cashTimes(filter(null), Q4, null))
        .isEqualTo(new CashTimes(7, Duration.ofDays(3), Duration.ofDays(10)));
  }

  @Test
  void aTiersPayments() {
    // 1 d, 2 d + 500 µs, 3 d, 4 d, 5 d: p50 rank ceil(2.5) = 3, p90 rank ceil(4.5) = 5.
    assertThat(queries.cashTimes(filter(Tier.GOLD), Q4, null))
        .isEqualTo(new CashTimes(5, Duration.ofDays(3), Duration.ofDays(5)));
  }

  @Test
  void somePartnersPayments() {
    // 1 d, 2 d + 500 µs, 3 d: p50 rank ceil(1.5) = 2, p90 rank ceil(2.7) = 3.
    assertThat(queries.cashTimes(filter(Tier.GOLD), Q4, List.of("cq-gold-1")))
        .isEqualTo(new CashTimes(3, Duration.ofDays(2).plusNanos(500_000), Duration.ofDays(3)));
    // 6 h, 4 d, 5 d, 10 d: p50 rank 2, p90 rank ceil(3.6) = 4.
    assertThat(queries.cashTimes(filter(null), Q4, List.of("cq-gold-2", "cq-silver")))
        .isEqualTo(new CashTimes(4, Duration.ofDays(4), Duration.ofDays(10)));
  }

  @Test
  void noPayments() {
    assertThat(queries.cashTimes(filter(Tier.PLATINUM), Q4, null)).isEqualTo(CashTimes.NONE);
    assertThat(queries.cashTimes(filter(null), Q4, List.of())).isEqualTo(CashTimes.NONE);
    assertThat(queries.cashTimes(filter(null), FundPeriod.of("2027-Q1"), null))
        .isEqualTo(CashTimes.NONE);
  }

  @Test
  void timesToCashPerPeriodAndPartner() {
    Map<String, List<PartnerDuration>> all = queries.timesToCash(filter(null), List.of(Q3, Q4));
    assertThat(all.keySet()).containsExactly("2026-Q3", "2026-Q4");
    assertThat(all.get("2026-Q3"))
        .containsExactly(new PartnerDuration("cq-gold-1", Duration.ofMinutes(1)));
    assertThat(all.get("2026-Q4"))
        .containsExactlyInAnyOrder(
            new PartnerDuration("cq-gold-1", Duration.ofDays(3)),
            new PartnerDuration("cq-gold-1", Duration.ofDays(1)),
            new PartnerDuration("cq-gold-1", Duration.ofDays(2).plusNanos(500_000)),
            new PartnerDuration("cq-gold-2", Duration.ofDays(5)),
            new PartnerDuration("cq-gold-2", Duration.ofDays(4)),
            new PartnerDuration("cq-silver", Duration.ofDays(10)),
            new PartnerDuration("cq-silver", Duration.ofHours(6)));
    Map<String, List<PartnerDuration>> silver =
        queries.timesToCash(filter(Tier.SILVER), List.of(Q3, Q4));
    assertThat(silver.get("2026-Q3")).isEmpty();
    assertThat(silver.get("2026-Q4"))
        .containsExactlyInAnyOrder(
            new PartnerDuration("cq-silver", Duration.ofDays(10)),
            new PartnerDuration("cq-silver", Duration.ofHours(6)));
  }

  @Test
  void paidResultsPerPartnerAndCurrency() {
    outcome("cq-r1", "cq-gold-1", "WEBINAR", "EUR", IN_Q4, "100.00", 3, "1000.00");
    outcome("cq-r2", "cq-gold-1", "EVENT", "EUR", IN_Q4, "250.50", 4, "2000.25");
    outcome("cq-r3", "cq-gold-1", "WEBINAR", "USD", IN_Q4, "70.00", 1, "300.00");
    outcome("cq-r4", "cq-silver", "WEBINAR", "EUR", IN_Q4, "0.00", 0, "0.00");
    // Q3's request is not Q4's.
    outcome("cq-r5", "cq-gold-2", "WEBINAR", "EUR", IN_Q4.minusMonths(1), "999.00", 9, "9.00");

    Map<String, List<PaidResults>> all = queries.paidResults(filter(null), List.of(Q3, Q4));
    assertThat(all.keySet()).containsExactly("2026-Q3", "2026-Q4");
    assertThat(all.get("2026-Q4"))
        .filteredOn(r -> r.partnerId().startsWith("cq-"))
        .containsExactlyInAnyOrder(
            new PaidResults("cq-gold-1", "EUR", m("350.50"), 7, m("3000.25")),
            new PaidResults("cq-gold-1", "USD", m("70.00"), 1, m("300.00")),
            new PaidResults("cq-silver", "EUR", m("0.00"), 0, m("0.00")));
    assertThat(all.get("2026-Q3"))
        .filteredOn(r -> r.partnerId().startsWith("cq-"))
        .containsExactly(new PaidResults("cq-gold-2", "EUR", m("999.00"), 9, m("9.00")));
    Map<String, List<PaidResults>> gold = queries.paidResults(filter(Tier.GOLD), List.of(Q3, Q4));
    assertThat(gold.get("2026-Q4"))
        .filteredOn(r -> r.partnerId().startsWith("cq-"))
        .extracting(PaidResults::partnerId)
        .containsOnly("cq-gold-1");
    assertThat(gold.get("2026-Q3"))
        .filteredOn(r -> r.partnerId().startsWith("cq-"))
        .containsExactly(new PaidResults("cq-gold-2", "EUR", m("999.00"), 9, m("9.00")));
    Map<String, List<PaidResults>> goldEvents =
        queries.paidResults(
            new InsightsFilter(null, Tier.GOLD, null, null, ActivityType.EVENT), List.of(Q3, Q4));
    assertThat(goldEvents.get("2026-Q3"))
        .filteredOn(r -> r.partnerId().startsWith("cq-"))
        .isEmpty();
    assertThat(goldEvents.get("2026-Q4"))
        .filteredOn(r -> r.partnerId().startsWith("cq-"))
        .containsExactly(new PaidResults("cq-gold-1", "EUR", m("250.50"), 4, m("2000.25")));
  }

  private static BigDecimal m(String amount) {
    return new BigDecimal(amount);
  }

  private static InsightsFilter filter(Tier tier) {
    return new InsightsFilter(null, tier, null, null, null);
  }

  private void partner(String id, String tier) {
    jdbc.update(
        "INSERT INTO partner (id, name, domain, status, tier, region, verticals, created_at)"
            + " VALUES (?, ?, NULL, 'ACTIVE', ?, 'EMEA', NULL, ?)",
        id,
        "Cash " + id,
        tier,
        IN_Q4.minusYears(1));
  }

  private void outcome(
      String id,
      String partnerId,
      String activityType,
      String currency,
      LocalDateTime submitted,
      String paid,
      long leads,
      String pipeline) {
    jdbc.update(
        "INSERT INTO insights_request_outcome (request_id, partner_id, activity_type, currency,"
            + " submitted_at, status, requested_amount, claimed, claimed_amount, verified,"
            + " verified_amount, leads, opportunities, pipeline, registrations, paid, paid_amount)"
            + " VALUES (?, ?, ?, ?, ?, 'CLOSED', 1000.00, 1, 0, 1, 0, ?, 0, ?, 0, 1, ?)",
        id,
        partnerId,
        activityType,
        currency,
        submitted,
        leads,
        new BigDecimal(pipeline),
        new BigDecimal(paid));
  }

  private void payment(String id, String partnerId, LocalDateTime submitted, Duration toCash) {
    jdbc.update(
        "INSERT INTO insights_cash_time (payment_id, request_id, partner_id, activity_type,"
            + " submitted_at, claim_submitted_at, paid_at) VALUES (?, ?, ?, 'WEBINAR', ?, ?, ?)",
        id,
        "r-" + id,
        partnerId,
        submitted,
        CLAIMED,
        // As text: Connector/J takes MariaDB's version for 5.5.5 and drops a bound time's fraction.
        CLAIMED.plus(toCash).toString().replace('T', ' '));
  }
}
