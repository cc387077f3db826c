package com.partnerflow.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerflow.common.ConflictException;
import com.partnerflow.common.FieldProblem;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fund ledger's behaviour on every database the service supports: on H2 (MySQL mode) in {@link
 * FundLedgerIT} and on a real MySQL-protocol server in {@link MySqlFundLedgerIT}. Tests run without
 * a test transaction, each on its own partner, so that concurrent transactions are real.
 */
abstract class FundLedgerContract {

  static final FundPeriod Q4 = FundPeriod.of("2026-Q4");

  /** The ledger with its own dependencies; the clock stands on 22 Nov 2026. */
  @TestConfiguration(proxyBeanMethods = false)
  @EnableConfigurationProperties(FundProperties.class)
  @Import({FundLedger.class, LedgerAppender.class, LedgerSummary.class})
  static class Setup {
    @Bean
    Clock clock() {
      return Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    }
  }

  @Autowired FundLedger ledger;
  @Autowired Partners partners;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired LedgerAppender appender;

  String partner;

  @BeforeEach
  void newPartner() {
    partner =
        partners
            .save(
                new Partner(
                    "Fund test " + UUID.randomUUID(),
                    null,
                    Tier.GOLD,
                    Region.EMEA,
                    clock.instant()))
            .getId();
  }

  static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  String key(String what) {
    return what + ":" + partner;
  }

  FundBalance balance() {
    return ledger.balance(partner, Q4, "EUR").orElseThrow();
  }

  static void assertBalance(
      FundBalance balance, String allocated, String reserved, String paid, String available) {
    assertThat(balance.allocated()).isEqualTo(new BigDecimal(allocated));
    assertThat(balance.reserved()).isEqualTo(new BigDecimal(reserved));
    assertThat(balance.paid()).isEqualTo(new BigDecimal(paid));
    assertThat(balance.available()).isEqualTo(new BigDecimal(available));
  }

  /** The running totals on the budget row equal what the ledger entries add up to. */
  void assertTotalsEqualTheEntries() {
    Money allocated = eur("0");
    Money reserved = eur("0");
    Money paid = eur("0");
    for (FundMovement m : ledger.movements(partner, Q4, "EUR")) {
      switch (m.type()) {
        case ALLOCATE, ADJUST -> allocated = allocated.plus(m.amount());
        case RESERVE -> reserved = reserved.plus(m.amount());
        case RELEASE -> reserved = reserved.minus(m.amount());
        case PAY -> {
          reserved = reserved.minus(m.amount());
          paid = paid.plus(m.amount());
        }
      }
    }
    FundBalance balance = balance();
    assertThat(balance.allocated()).isEqualTo(allocated.amount());
    assertThat(balance.reserved()).isEqualTo(reserved.amount());
    assertThat(balance.paid()).isEqualTo(paid.amount());
    assertThat(balance.available())
        .isEqualTo(allocated.minus(reserved).minus(paid).amount())
        .isNotNegative();
    Integer rows =
        jdbc.queryForObject(
            "select count(*) from fund_ledger_entry e join fund_budget b on b.id = e.budget_id"
                + " where b.partner_id = ? and b.allocated - b.reserved - b.paid >= 0",
            Integer.class,
            partner);
    assertThat(rows).isEqualTo(ledger.movements(partner, Q4, "EUR").size());
  }

  @Test
  void firstAllocationCreatesTheBudgetAndLaterOnesAddToIt() {
    assertThat(ledger.balances(partner)).isEmpty();

    ledger.allocate(
        LedgerMovement.of(partner, Q4, eur("1000.00"))
            .withKey(key("a1"))
            .by("erin")
            .because("Q4 budget"));
    ledger.allocate(
        LedgerMovement.of(partner, Q4, eur("250.50"))
            .withKey(key("a2"))
            .by("erin")
            .because("Top-up"));

    assertThat(ledger.balances(partner))
        .singleElement()
        .satisfies(b -> assertThat(b.period()).isEqualTo("2026-Q4"))
        .satisfies(b -> assertThat(b.currency()).isEqualTo("EUR"));
    assertBalance(balance(), "1250.50", "0.00", "0.00", "1250.50");
    Integer budgets =
        jdbc.queryForObject(
            "select count(*) from fund_budget where partner_id = ? and starts_on = ? and ends_on = ?",
            Integer.class,
            partner,
            java.sql.Date.valueOf(Q4.startsOn()),
            java.sql.Date.valueOf(Q4.endsOn()));
    assertThat(budgets).isOne();
    assertTotalsEqualTheEntries();
  }

  @Test
  void budgetsAreKeptPerPeriodAndCurrency() {
    ledger.allocate(LedgerMovement.of(partner, Q4, eur("100.00")).withKey(key("eur")).by("erin"));
    ledger.allocate(
        LedgerMovement.of(partner, Q4, Money.of("70.00", "USD")).withKey(key("usd")).by("erin"));
    ledger.allocate(
        LedgerMovement.of(partner, FundPeriod.of("2027-Q1"), eur("30.00"))
            .withKey(key("q1"))
            .by("erin"));

    assertThat(ledger.balances(partner))
        .extracting(b -> b.period() + " " + b.currency() + " " + b.available())
        .containsExactly("2026-Q4 EUR 100.00", "2026-Q4 USD 70.00", "2027-Q1 EUR 30.00");
  }

  @Test
  void allocationToAnUnknownPartnerIsNotFound() {
    assertThatThrownBy(
            () ->
                ledger.allocate(
                    LedgerMovement.of("no-such-partner", Q4, eur("1.00"))
                        .withKey(key("x"))
                        .by("erin")))
        .isInstanceOf(com.partnerflow.common.NotFoundException.class);
  }

  @Test
  void reserveReleaseAndPayMoveMoneyBetweenTheTotals() {
    ledger.allocate(
        LedgerMovement.of(partner, Q4, eur("1000.00")).withKey(key("alloc")).by("erin"));

    FundMovement reserved =
        ledger.reserve(
            LedgerMovement.of(partner, Q4, eur("400.00"))
                .forReference("mdf-request:1")
                .withKey(key("r1"))
                .by("worker"));
    assertThat(reserved.type()).isEqualTo(LedgerEntryType.RESERVE);
    assertThat(reserved.reference()).isEqualTo("mdf-request:1");
    assertBalance(balance(), "1000.00", "400.00", "0.00", "600.00");

    ledger.release(
        LedgerMovement.of(partner, Q4, eur("100.00"))
            .forReference("mdf-request:1")
            .withKey(key("rel1"))
            .by("worker")
            .because("Cut"));
    assertBalance(balance(), "1000.00", "300.00", "0.00", "700.00");

    ledger.pay(
        LedgerMovement.of(partner, Q4, eur("120.00"))
            .forReference("mdf-request:1")
            .withKey(key("p1"))
            .by("worker"));
    assertBalance(balance(), "1000.00", "180.00", "120.00", "700.00");
    assertThat(ledger.reservedFor(partner, Q4, "EUR", "mdf-request:1")).isEqualTo(eur("180.00"));
    assertTotalsEqualTheEntries();
  }

  @Test
  void reservingMoreThanIsAvailableIsRefusedWithTheAvailableAmount() {
    ledger.allocate(LedgerMovement.of(partner, Q4, eur("100.00")).withKey(key("alloc")).by("erin"));
    ledger.reserve(
        LedgerMovement.of(partner, Q4, eur("60.00"))
            .forReference("mdf-request:1")
            .withKey(key("r1"))
            .by("worker"));

    assertThatThrownBy(
            () ->
                ledger.reserve(
                    LedgerMovement.of(partner, Q4, eur("40.01"))
                        .forReference("mdf-request:2")
                        .withKey(key("r2"))
                        .by("worker")))
        .isInstanceOfSatisfying(
            InsufficientFunds.class,
            e -> {
              assertThat(e.available()).isEqualTo(eur("40.00"));
              assertThat(e.requested()).isEqualTo(eur("40.01"));
              assertThat(e).hasMessageContaining("EUR 40.00 available");
            });
    ledger.reserve(
        LedgerMovement.of(partner, Q4, eur("40.00"))
            .forReference("mdf-request:2")
            .withKey(key("r2"))
            .by("worker"));
    assertBalance(balance(), "100.00", "100.00", "0.00", "0.00");
    assertTotalsEqualTheEntries();
  }

  @Test
  void reservingWithoutABudgetIsInsufficientFunds() {
    assertThatThrownBy(
            () ->
                ledger.reserve(
                    LedgerMovement.of(partner, Q4, eur("1.00"))
                        .forReference("mdf-request:1")
                        .withKey(key("r"))
                        .by("worker")))
        .isInstanceOfSatisfying(
            InsufficientFunds.class, e -> assertThat(e.available()).isEqualTo(eur("0.00")));
  }

  @Test
  void cannotPayOrReleaseMoreThanIsReservedForTheReference() {
    ledger.allocate(
        LedgerMovement.of(partner, Q4, eur("1000.00")).withKey(key("alloc")).by("erin"));
    ledger.reserve(
        LedgerMovement.of(partner, Q4, eur("100.00"))
            .forReference("mdf-request:1")
            .withKey(key("r1"))
            .by("worker"));
    ledger.reserve(
        LedgerMovement.of(partner, Q4, eur("500.00"))
            .forReference("mdf-request:2")
            .withKey(key("r2"))
            .by("worker"));

    assertThatThrownBy(
            () ->
                ledger.pay(
                    LedgerMovement.of(partner, Q4, eur("100.01"))
                        .forReference("mdf-request:1")
                        .withKey(key("p1"))
                        .by("worker")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("only EUR 100.00 is reserved");
    ledger.pay(
        LedgerMovement.of(partner, Q4, eur("60.00"))
            .forReference("mdf-request:1")
            .withKey(key("p1"))
            .by("worker"));
    assertThatThrownBy(
            () ->
                ledger.release(
                    LedgerMovement.of(partner, Q4, eur("40.01"))
                        .forReference("mdf-request:1")
                        .withKey(key("rel1"))
                        .by("worker")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () ->
                ledger.pay(
                    LedgerMovement.of(partner, Q4, eur("1.00"))
                        .forReference("mdf-request:3")
                        .withKey(key("p3"))
                        .by("worker")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("only EUR 0.00");
    assertBalance(balance(), "1000.00", "540.00", "60.00", "400.00");
    assertTotalsEqualTheEntries();
  }

  @Test
  void adjustCorrectsTheAllocationButNeverBelowWhatIsAvailable() {
    ledger.allocate(
        LedgerMovement.of(partner, Q4, eur("1000.00")).withKey(key("alloc")).by("erin"));
    ledger.reserve(
        LedgerMovement.of(partner, Q4, eur("700.00"))
            .forReference("mdf-request:1")
            .withKey(key("r1"))
            .by("worker"));

    ledger.adjust(
        LedgerMovement.of(partner, Q4, eur("50.00"))
            .withKey(key("adj+"))
            .by("erin")
            .because("Bonus"));
    assertBalance(balance(), "1050.00", "700.00", "0.00", "350.00");
    ledger.adjust(
        LedgerMovement.of(partner, Q4, eur("-350.00"))
            .withKey(key("adj-"))
            .by("erin")
            .because("Cut to what is used"));
    assertBalance(balance(), "700.00", "700.00", "0.00", "0.00");

    assertThatThrownBy(
            () ->
                ledger.adjust(
                    LedgerMovement.of(partner, Q4, eur("-0.01"))
                        .withKey(key("adj2"))
                        .by("erin")
                        .because("More")))
        .isInstanceOfSatisfying(
            InsufficientFunds.class, e -> assertThat(e.available()).isEqualTo(eur("0.00")));
    assertThatThrownBy(
            () ->
                ledger.adjust(
                    LedgerMovement.of(partner, Q4, eur("5.00"))
                        .withKey(key("adj3"))
                        .by("erin")
                        .because(" ")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () ->
                ledger.adjust(
                    LedgerMovement.of(partner, Q4, eur("0"))
                        .withKey(key("adj4"))
                        .by("erin")
                        .because("Zero")))
        .isInstanceOf(InvalidRequestException.class);
    assertTotalsEqualTheEntries();
  }

  @Test
  void refusesNonPositiveAmountsAndMissingKeys() {
    ledger.allocate(LedgerMovement.of(partner, Q4, eur("10.00")).withKey(key("alloc")).by("erin"));

    assertThatThrownBy(
            () ->
                ledger.allocate(
                    LedgerMovement.of(partner, Q4, eur("0")).withKey(key("a0")).by("erin")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () ->
                ledger.reserve(
                    LedgerMovement.of(partner, Q4, eur("-1.00"))
                        .forReference("mdf-request:1")
                        .withKey(key("r"))
                        .by("worker")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () ->
                ledger.reserve(
                    LedgerMovement.of(partner, Q4, eur("1.00"))
                        .forReference("mdf-request:1")
                        .withKey(" ")
                        .by("w")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () ->
                ledger.reserve(
                    LedgerMovement.of(partner, Q4, eur("1.00"))
                        .forReference(null)
                        .withKey(key("r"))
                        .by("w")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () ->
                ledger.reserve(
                    LedgerMovement.of(partner, Q4, eur("1.00"))
                        .forReference("r".repeat(201))
                        .withKey(key("r"))
                        .by("w")))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(ledger.movements(partner, Q4, "EUR")).hasSize(1);
  }

  @Test
  void replayingAMovementReturnsTheFirstEntryAndChangesNothing() {
    FundMovement allocation =
        ledger.allocate(
            LedgerMovement.of(partner, Q4, eur("500.00")).withKey(key("alloc")).by("erin"));
    FundMovement reservation =
        ledger.reserve(
            LedgerMovement.of(partner, Q4, eur("200.00"))
                .forReference("mdf-request:1")
                .withKey(key("r1"))
                .by("worker"));
    FundMovement payment =
        ledger.pay(
            LedgerMovement.of(partner, Q4, eur("50.00"))
                .forReference("mdf-request:1")
                .withKey(key("p1"))
                .by("worker"));
    FundMovement release =
        ledger.release(
            LedgerMovement.of(partner, Q4, eur("50.00"))
                .forReference("mdf-request:1")
                .withKey(key("rel1"))
                .by("worker"));
    FundMovement adjustment =
        ledger.adjust(
            LedgerMovement.of(partner, Q4, eur("-10.00"))
                .withKey(key("adj"))
                .by("erin")
                .because("Fix"));
    FundBalance before = balance();

    assertThat(
            ledger.allocate(
                LedgerMovement.of(partner, Q4, eur("500.00")).withKey(key("alloc")).by("erin")))
        .isEqualTo(allocation);
    assertThat(
            ledger.reserve(
                LedgerMovement.of(partner, Q4, eur("200.00"))
                    .forReference("mdf-request:1")
                    .withKey(key("r1"))
                    .by("worker")))
        .isEqualTo(reservation);
    assertThat(
            ledger.pay(
                LedgerMovement.of(partner, Q4, eur("50.00"))
                    .forReference("mdf-request:1")
                    .withKey(key("p1"))
                    .by("worker")))
        .isEqualTo(payment);
    assertThat(
            ledger.release(
                LedgerMovement.of(partner, Q4, eur("50.00"))
                    .forReference("mdf-request:1")
                    .withKey(key("rel1"))
                    .by("worker")))
        .isEqualTo(release);
    assertThat(
            ledger.adjust(
                LedgerMovement.of(partner, Q4, eur("-10.00"))
                    .withKey(key("adj"))
                    .by("erin")
                    .because("Fix")))
        .isEqualTo(adjustment);

    assertThat(balance()).isEqualTo(before);
    assertBalance(before, "490.00", "100.00", "50.00", "340.00");
    assertThat(ledger.movements(partner, Q4, "EUR")).hasSize(5);
    assertTotalsEqualTheEntries();
  }

  @Test
  void reusingAKeyForAnotherMovementIsAConflict() {
    ledger.allocate(LedgerMovement.of(partner, Q4, eur("500.00")).withKey(key("alloc")).by("erin"));
    ledger.reserve(
        LedgerMovement.of(partner, Q4, eur("200.00"))
            .forReference("mdf-request:1")
            .withKey(key("r1"))
            .by("worker"));

    assertThatThrownBy(
            () ->
                ledger.reserve(
                    LedgerMovement.of(partner, Q4, eur("201.00"))
                        .forReference("mdf-request:1")
                        .withKey(key("r1"))
                        .by("worker")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("already used");
    assertThatThrownBy(
            () ->
                ledger.reserve(
                    LedgerMovement.of(partner, Q4, eur("200.00"))
                        .forReference("mdf-request:2")
                        .withKey(key("r1"))
                        .by("worker")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () ->
                ledger.allocate(
                    LedgerMovement.of(partner, Q4, eur("200.00")).withKey(key("r1")).by("erin")))
        .isInstanceOf(ConflictException.class);
    assertThat(ledger.movements(partner, Q4, "EUR")).hasSize(2);
  }

  @Test
  void closingAPeriodReleasesOpenReservationsAndIsIdempotent() {
    FundPeriod q3 = FundPeriod.of("2026-Q3");
    // A period of its own, so that other tests' budgets are not closed along with it.
    FundPeriod closing = FundPeriod.of("19" + (10 + Math.floorMod(partner.hashCode(), 90)));
    for (FundPeriod p : List.of(closing, q3)) {
      ledger.allocate(
          LedgerMovement.of(partner, p, eur("1000.00")).withKey(key("alloc" + p)).by("erin"));
      ledger.reserve(
          LedgerMovement.of(partner, p, eur("300.00"))
              .forReference("mdf-request:1")
              .withKey(key("r1" + p))
              .by("worker"));
      ledger.reserve(
          LedgerMovement.of(partner, p, eur("200.00"))
              .forReference("mdf-request:2")
              .withKey(key("r2" + p))
              .by("worker"));
      ledger.pay(
          LedgerMovement.of(partner, p, eur("100.00"))
              .forReference("mdf-request:1")
              .withKey(key("p1" + p))
              .by("worker"));
      ledger.release(
          LedgerMovement.of(partner, p, eur("200.00"))
              .forReference("mdf-request:2")
              .withKey(key("x2" + p))
              .by("worker"));
    }
    ledger.allocate(
        LedgerMovement.of(partner, closing, Money.of("10.00", "USD"))
            .withKey(key("usd"))
            .by("erin"));
    ledger.reserve(
        LedgerMovement.of(partner, closing, Money.of("4.00", "USD"))
            .forReference("mdf-request:9")
            .withKey(key("u9"))
            .by("w"));

    List<FundMovement> released = ledger.closePeriod(closing);

    assertThat(released)
        .filteredOn(m -> m.partnerId().equals(partner))
        .extracting(m -> m.type() + " " + m.reference() + " " + m.amount())
        .containsExactlyInAnyOrder(
            "RELEASE mdf-request:1 EUR 200.00", "RELEASE mdf-request:9 USD 4.00");
    FundBalance closed = ledger.balance(partner, closing, "EUR").orElseThrow();
    assertBalance(closed, "1000.00", "0.00", "100.00", "900.00");
    assertThat(ledger.balance(partner, closing, "USD").orElseThrow().reserved())
        .isEqualTo(new BigDecimal("0.00"));
    assertThat(ledger.balance(partner, q3, "EUR").orElseThrow().reserved())
        .as("other periods stay open")
        .isEqualTo(new BigDecimal("200.00"));

    assertThat(ledger.closePeriod(closing)).isEmpty();
    assertThat(ledger.balance(partner, closing, "EUR").orElseThrow()).isEqualTo(closed);
    assertThat(ledger.movements(partner, closing, "EUR")).hasSize(6);

    assertThatThrownBy(
            () ->
                ledger.reserve(
                    LedgerMovement.of(partner, closing, eur("1.00"))
                        .forReference("mdf-request:3")
                        .withKey(key("r3"))
                        .by("w")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(
            () ->
                ledger.allocate(
                    LedgerMovement.of(partner, closing, eur("1.00"))
                        .withKey(key("late"))
                        .by("erin")))
        .isInstanceOf(ConflictException.class);
    Integer status =
        jdbc.queryForObject(
            "select count(*) from fund_budget where partner_id = ? and period = ?"
                + " and status = 'CLOSED' and closed_at is not null",
            Integer.class,
            partner,
            closing.id());
    assertThat(status).isEqualTo(2);
  }

  /**
   * Insights sums the ledger's summary, not its entries: every movement lands there once, filed by
   * the activity type its reservation funds (inherited by payments, releases and the period close)
   * and by lapse, and the summary equals a rebuild from the entries.
   */
  @Test
  void theSummaryFilesEveryMovementByActivityAndLapseAndEqualsItsRebuild() {
    FundPeriod period = FundPeriod.of("18" + (10 + Math.floorMod(partner.hashCode(), 90)));
    ledger.allocate(
        LedgerMovement.of(partner, period, eur("10000.00")).withKey(key("alloc")).by("erin"));
    ledger.adjust(
        LedgerMovement.of(partner, period, eur("-100.00"))
            .withKey(key("adj"))
            .by("erin")
            .because("Correction"));
    for (String ref : List.of("mdf-request:1", "mdf-request:2")) {
      ledger.reserve(
          LedgerMovement.of(partner, period, eur(ref.endsWith("1") ? "3000.00" : "1000.00"))
              .forReference(ref)
              .withKey(key("reserve" + ref))
              .by("worker")
              .forActivity(ref.endsWith("1") ? "WEBINAR" : "EVENT"));
    }
    LedgerMovement pay =
        LedgerMovement.of(partner, period, eur("1000.00"))
            .forReference("mdf-request:1")
            .withKey(key("pay"))
            .by("worker");
    ledger.pay(pay);
    ledger.pay(pay);
    ledger.release(
        LedgerMovement.of(partner, period, eur("500.00"))
            .forReference("mdf-request:1")
            .withKey(key("lapse"))
            .by("worker")
            .lapsing());
    ledger.release(
        LedgerMovement.of(partner, period, eur("200.00"))
            .forReference("mdf-request:2")
            .withKey(key("release"))
            .by("worker"));
    ledger.closePeriod(period);

    String budget =
        jdbc.queryForObject(
            "select id from fund_budget where partner_id = ? and period = ?",
            String.class,
            partner,
            period.id());
    List<String> expected =
        List.of(
            "ADJUST//false/-100.00/1",
            "ALLOCATE//false/10000.00/1",
            "PAY/WEBINAR/false/1000.00/1",
            "RELEASE/EVENT/false/1000.00/2",
            "RELEASE/WEBINAR/false/1500.00/1",
            "RELEASE/WEBINAR/true/500.00/1",
            "RESERVE/EVENT/false/1000.00/1",
            "RESERVE/WEBINAR/false/3000.00/1");
    assertThat(totals(budget)).containsExactlyElementsOf(expected);
    String day = java.time.LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
    assertThat(days(budget))
        .containsExactly(
            day + "/ADJUST//-100.00/1",
            day + "/ALLOCATE//10000.00/1",
            day + "/PAY/WEBINAR/1000.00/1",
            day + "/RELEASE/EVENT/1000.00/2",
            day + "/RELEASE/WEBINAR/2000.00/2",
            day + "/RESERVE/EVENT/1000.00/1",
            day + "/RESERVE/WEBINAR/3000.00/1");

    List<String> dayRows = days(budget);
    ledger.rebuildSummary();
    assertThat(totals(budget)).containsExactlyElementsOf(expected);
    assertThat(days(budget)).isEqualTo(dayRows);
  }

  @Test
  void onlyAReleaseLapsesAndOnlyAReservationFundsAnActivity() {
    ledger.allocate(LedgerMovement.of(partner, Q4, eur("100.00")).withKey(key("alloc")).by("erin"));
    assertThatThrownBy(
            () ->
                ledger.allocate(
                    LedgerMovement.of(partner, Q4, eur("1.00"))
                        .withKey(key("alloc2"))
                        .by("erin")
                        .forActivity("WEBINAR")))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).problems().get(0).field())
        .isEqualTo("activityType");
    ledger.reserve(
        LedgerMovement.of(partner, Q4, eur("10.00"))
            .forReference("mdf-request:1")
            .withKey(key("r"))
            .by("w"));
    assertThatThrownBy(
            () ->
                ledger.pay(
                    LedgerMovement.of(partner, Q4, eur("10.00"))
                        .forReference("mdf-request:1")
                        .withKey(key("p"))
                        .by("w")
                        .lapsing()))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).problems().get(0).field())
        .isEqualTo("lapsed");
    assertThat(ledger.movements(partner, Q4, "EUR")).hasSize(2);
  }

  private List<String> totals(String budget) {
    return jdbc.queryForList(
        "select concat(entry_type, '/', activity_type, '/', case when lapsed then 'true' else"
            + " 'false' end, '/', amount, '/', entries) from fund_ledger_total where budget_id = ?"
            + " order by entry_type, activity_type, lapsed",
        String.class,
        budget);
  }

  private List<String> days(String budget) {
    return jdbc.queryForList(
        "select concat(entry_day, '/', entry_type, '/', activity_type, '/', amount, '/', entries)"
            + " from fund_ledger_day where budget_id = ? order by entry_day, entry_type,"
            + " activity_type",
        String.class,
        budget);
  }

  /**
   * 64 reservations of 10.00 race for a budget of 500.00: the row lock lets exactly 50 through and
   * refuses 14, and available ends at 0.00, never below.
   */
  @Test
  void concurrentReservationsNeverOverdrawTheBudget() throws Exception {
    ledger.allocate(LedgerMovement.of(partner, Q4, eur("500.00")).withKey(key("alloc")).by("erin"));
    int threads = 64;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        int n = i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    ledger.reserve(
                        LedgerMovement.of(partner, Q4, eur("10.00"))
                            .forReference("mdf-request:" + n)
                            .withKey(key("r" + n))
                            .by("worker"));
                    return true;
                  } catch (InsufficientFunds e) {
                    assertThat(e.available()).isEqualTo(eur("0.00"));
                    return false;
                  }
                }));
      }
      start.countDown();
      int succeeded = 0;
      int refused = 0;
      for (Future<Boolean> result : results) {
        if (result.get(120, TimeUnit.SECONDS)) {
          succeeded++;
        } else {
          refused++;
        }
      }

      assertThat(succeeded).isEqualTo(50);
      assertThat(refused).isEqualTo(14);
    } finally {
      pool.shutdownNow();
    }
    assertBalance(balance(), "500.00", "500.00", "0.00", "0.00");
    assertThat(ledger.movements(partner, Q4, "EUR"))
        .filteredOn(m -> m.type() == LedgerEntryType.RESERVE)
        .hasSize(50);
    assertTotalsEqualTheEntries();
  }

  /** Racing first allocations create one budget between them; none fails. */
  @Test
  void concurrentFirstAllocationsCreateOneBudget() throws Exception {
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<FundMovement>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        int n = i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return ledger.allocate(
                      LedgerMovement.of(partner, Q4, eur("10.00"))
                          .withKey(key("a" + n))
                          .by("erin"));
                }));
      }
      start.countDown();
      for (Future<FundMovement> result : results) {
        assertThat(result.get(120, TimeUnit.SECONDS).type()).isEqualTo(LedgerEntryType.ALLOCATE);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ledger.balances(partner)).hasSize(1);
    assertBalance(balance(), "160.00", "0.00", "0.00", "160.00");
    assertTotalsEqualTheEntries();
  }

  /** A job retried in parallel posts its movement once; every caller gets the same entry. */
  @Test
  void concurrentReplaysOfOneKeyPostOnce() throws Exception {
    ledger.allocate(LedgerMovement.of(partner, Q4, eur("500.00")).withKey(key("alloc")).by("erin"));
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<FundMovement>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return ledger.reserve(
                      LedgerMovement.of(partner, Q4, eur("100.00"))
                          .forReference("mdf-request:1")
                          .withKey(key("same"))
                          .by("worker"));
                }));
      }
      start.countDown();
      Set<Long> ids = new HashSet<>();
      for (Future<FundMovement> result : results) {
        ids.add(result.get(120, TimeUnit.SECONDS).id());
      }
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertBalance(balance(), "500.00", "100.00", "0.00", "400.00");
    assertTotalsEqualTheEntries();
  }

  /**
   * The path of a post that loses the race for its key after the budget lock: the database keeps
   * the first entry and tells the ledger so, without an error that would doom the transaction.
   */
  @Test
  void anEntryWhoseKeyIsTakenIsNotAppendedAgain() {
    FundMovement first =
        ledger.allocate(
            LedgerMovement.of(partner, Q4, eur("500.00")).withKey(key("alloc")).by("erin"));
    String budgetId =
        jdbc.queryForObject(
            "select id from fund_budget where partner_id = ?", String.class, partner);

    boolean appended =
        appender.appendUnlessKeyExists(
            new LedgerEntry(
                budgetId,
                LedgerEntryType.ALLOCATE,
                eur("500.00"),
                null,
                first.idempotencyKey(),
                "erin",
                null,
                clock.instant(),
                LedgerEntry.Classification.NONE));

    assertThat(appended).isFalse();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from fund_ledger_entry where idempotency_key = ?",
                Integer.class,
                first.idempotencyKey()))
        .isEqualTo(1);
    assertBalance(balance(), "500.00", "0.00", "0.00", "500.00");
  }

  @Test
  void theDatabaseRefusesANegativeAvailableAmount() {
    ledger.allocate(LedgerMovement.of(partner, Q4, eur("100.00")).withKey(key("alloc")).by("erin"));
    assertThatThrownBy(
            () ->
                jdbc.update("update fund_budget set reserved = 101 where partner_id = ?", partner))
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
  }

  @Test
  void allocationsAndAdjustmentsHaveNoReferenceAndAMovementNeedsAPeriod() {
    ledger.allocate(LedgerMovement.of(partner, Q4, eur("10.00")).withKey(key("alloc")).by("erin"));

    assertThatThrownBy(
            () ->
                ledger.allocate(
                    LedgerMovement.of(partner, Q4, eur("5.00"))
                        .forReference("mdf-request:1")
                        .withKey(key("a2"))
                        .by("erin")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.problems())
                    .extracting(FieldProblem::field)
                    .containsExactly("reference"));
    assertThatThrownBy(
            () ->
                ledger.adjust(
                    LedgerMovement.of(partner, Q4, eur("5.00"))
                        .forReference("mdf-request:1")
                        .withKey(key("adj"))
                        .by("erin")
                        .because("Fix")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () ->
                ledger.reserve(
                    LedgerMovement.of(partner, null, eur("1.00"))
                        .forReference("mdf-request:1")
                        .withKey(key("r"))
                        .by("w")))
        .isInstanceOf(InvalidRequestException.class);

    assertBalance(balance(), "10.00", "0.00", "0.00", "10.00");
    assertThat(ledger.movements(partner, Q4, "EUR")).hasSize(1);
  }
}
