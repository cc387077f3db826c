package com.partnerflow.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerflow.common.ConflictException;
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
  @Import(FundLedger.class)
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

    ledger.allocate(partner, Q4, eur("1000.00"), key("a1"), "erin", "Q4 budget");
    ledger.allocate(partner, Q4, eur("250.50"), key("a2"), "erin", "Top-up");

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
    ledger.allocate(partner, Q4, eur("100.00"), key("eur"), "erin", null);
    ledger.allocate(partner, Q4, Money.of("70.00", "USD"), key("usd"), "erin", null);
    ledger.allocate(partner, FundPeriod.of("2027-Q1"), eur("30.00"), key("q1"), "erin", null);

    assertThat(ledger.balances(partner))
        .extracting(b -> b.period() + " " + b.currency() + " " + b.available())
        .containsExactly("2026-Q4 EUR 100.00", "2026-Q4 USD 70.00", "2027-Q1 EUR 30.00");
  }

  @Test
  void allocationToAnUnknownPartnerIsNotFound() {
    assertThatThrownBy(
            () -> ledger.allocate("no-such-partner", Q4, eur("1.00"), key("x"), "erin", null))
        .isInstanceOf(com.partnerflow.common.NotFoundException.class);
  }

  @Test
  void reserveReleaseAndPayMoveMoneyBetweenTheTotals() {
    ledger.allocate(partner, Q4, eur("1000.00"), key("alloc"), "erin", null);

    FundMovement reserved =
        ledger.reserve(partner, Q4, eur("400.00"), "mdf-request:1", key("r1"), "worker");
    assertThat(reserved.type()).isEqualTo(LedgerEntryType.RESERVE);
    assertThat(reserved.reference()).isEqualTo("mdf-request:1");
    assertBalance(balance(), "1000.00", "400.00", "0.00", "600.00");

    ledger.release(partner, Q4, eur("100.00"), "mdf-request:1", key("rel1"), "worker", "Cut");
    assertBalance(balance(), "1000.00", "300.00", "0.00", "700.00");

    ledger.pay(partner, Q4, eur("120.00"), "mdf-request:1", key("p1"), "worker");
    assertBalance(balance(), "1000.00", "180.00", "120.00", "700.00");
    assertThat(ledger.reservedFor(partner, Q4, "EUR", "mdf-request:1")).isEqualTo(eur("180.00"));
    assertTotalsEqualTheEntries();
  }

  @Test
  void reservingMoreThanIsAvailableIsRefusedWithTheAvailableAmount() {
    ledger.allocate(partner, Q4, eur("100.00"), key("alloc"), "erin", null);
    ledger.reserve(partner, Q4, eur("60.00"), "mdf-request:1", key("r1"), "worker");

    assertThatThrownBy(
            () -> ledger.reserve(partner, Q4, eur("40.01"), "mdf-request:2", key("r2"), "worker"))
        .isInstanceOfSatisfying(
            InsufficientFunds.class,
            e -> {
              assertThat(e.available()).isEqualTo(eur("40.00"));
              assertThat(e.requested()).isEqualTo(eur("40.01"));
              assertThat(e).hasMessageContaining("EUR 40.00 available");
            });
    ledger.reserve(partner, Q4, eur("40.00"), "mdf-request:2", key("r2"), "worker");
    assertBalance(balance(), "100.00", "100.00", "0.00", "0.00");
    assertTotalsEqualTheEntries();
  }

  @Test
  void reservingWithoutABudgetIsInsufficientFunds() {
    assertThatThrownBy(
            () -> ledger.reserve(partner, Q4, eur("1.00"), "mdf-request:1", key("r"), "worker"))
        .isInstanceOfSatisfying(
            InsufficientFunds.class, e -> assertThat(e.available()).isEqualTo(eur("0.00")));
  }

  @Test
  void cannotPayOrReleaseMoreThanIsReservedForTheReference() {
    ledger.allocate(partner, Q4, eur("1000.00"), key("alloc"), "erin", null);
    ledger.reserve(partner, Q4, eur("100.00"), "mdf-request:1", key("r1"), "worker");
    ledger.reserve(partner, Q4, eur("500.00"), "mdf-request:2", key("r2"), "worker");

    assertThatThrownBy(
            () -> ledger.pay(partner, Q4, eur("100.01"), "mdf-request:1", key("p1"), "worker"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("only EUR 100.00 is reserved");
    ledger.pay(partner, Q4, eur("60.00"), "mdf-request:1", key("p1"), "worker");
    assertThatThrownBy(
            () ->
                ledger.release(
                    partner, Q4, eur("40.01"), "mdf-request:1", key("rel1"), "worker", null))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(
            () -> ledger.pay(partner, Q4, eur("1.00"), "mdf-request:3", key("p3"), "worker"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("only EUR 0.00");
    assertBalance(balance(), "1000.00", "540.00", "60.00", "400.00");
    assertTotalsEqualTheEntries();
  }

  @Test
  void adjustCorrectsTheAllocationButNeverBelowWhatIsAvailable() {
    ledger.allocate(partner, Q4, eur("1000.00"), key("alloc"), "erin", null);
    ledger.reserve(partner, Q4, eur("700.00"), "mdf-request:1", key("r1"), "worker");

    ledger.adjust(partner, Q4, eur("50.00"), key("adj+"), "erin", "Bonus");
    assertBalance(balance(), "1050.00", "700.00", "0.00", "350.00");
    ledger.adjust(partner, Q4, eur("-350.00"), key("adj-"), "erin", "Cut to what is used");
    assertBalance(balance(), "700.00", "700.00", "0.00", "0.00");

    assertThatThrownBy(() -> ledger.adjust(partner, Q4, eur("-0.01"), key("adj2"), "erin", "More"))
        .isInstanceOfSatisfying(
            InsufficientFunds.class, e -> assertThat(e.available()).isEqualTo(eur("0.00")));
    assertThatThrownBy(() -> ledger.adjust(partner, Q4, eur("5.00"), key("adj3"), "erin", " "))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> ledger.adjust(partner, Q4, eur("0"), key("adj4"), "erin", "Zero"))
        .isInstanceOf(InvalidRequestException.class);
    assertTotalsEqualTheEntries();
  }

  @Test
  void refusesNonPositiveAmountsAndMissingKeys() {
    ledger.allocate(partner, Q4, eur("10.00"), key("alloc"), "erin", null);

    assertThatThrownBy(() -> ledger.allocate(partner, Q4, eur("0"), key("a0"), "erin", null))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () -> ledger.reserve(partner, Q4, eur("-1.00"), "mdf-request:1", key("r"), "worker"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> ledger.reserve(partner, Q4, eur("1.00"), "mdf-request:1", " ", "w"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> ledger.reserve(partner, Q4, eur("1.00"), null, key("r"), "w"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () -> ledger.reserve(partner, Q4, eur("1.00"), "r".repeat(201), key("r"), "w"))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(ledger.movements(partner, Q4, "EUR")).hasSize(1);
  }

  @Test
  void replayingAMovementReturnsTheFirstEntryAndChangesNothing() {
    FundMovement allocation =
        ledger.allocate(partner, Q4, eur("500.00"), key("alloc"), "erin", null);
    FundMovement reservation =
        ledger.reserve(partner, Q4, eur("200.00"), "mdf-request:1", key("r1"), "worker");
    FundMovement payment =
        ledger.pay(partner, Q4, eur("50.00"), "mdf-request:1", key("p1"), "worker");
    FundMovement release =
        ledger.release(partner, Q4, eur("50.00"), "mdf-request:1", key("rel1"), "worker", null);
    FundMovement adjustment = ledger.adjust(partner, Q4, eur("-10.00"), key("adj"), "erin", "Fix");
    FundBalance before = balance();

    assertThat(ledger.allocate(partner, Q4, eur("500.00"), key("alloc"), "erin", null))
        .isEqualTo(allocation);
    assertThat(ledger.reserve(partner, Q4, eur("200.00"), "mdf-request:1", key("r1"), "worker"))
        .isEqualTo(reservation);
    assertThat(ledger.pay(partner, Q4, eur("50.00"), "mdf-request:1", key("p1"), "worker"))
        .isEqualTo(payment);
    assertThat(
            ledger.release(partner, Q4, eur("50.00"), "mdf-request:1", key("rel1"), "worker", null))
        .isEqualTo(release);
    assertThat(ledger.adjust(partner, Q4, eur("-10.00"), key("adj"), "erin", "Fix"))
        .isEqualTo(adjustment);

    assertThat(balance()).isEqualTo(before);
    assertBalance(before, "490.00", "100.00", "50.00", "340.00");
    assertThat(ledger.movements(partner, Q4, "EUR")).hasSize(5);
    assertTotalsEqualTheEntries();
  }

  @Test
  void reusingAKeyForAnotherMovementIsAConflict() {
    ledger.allocate(partner, Q4, eur("500.00"), key("alloc"), "erin", null);
    ledger.reserve(partner, Q4, eur("200.00"), "mdf-request:1", key("r1"), "worker");

    assertThatThrownBy(
            () -> ledger.reserve(partner, Q4, eur("201.00"), "mdf-request:1", key("r1"), "worker"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("already used");
    assertThatThrownBy(
            () -> ledger.reserve(partner, Q4, eur("200.00"), "mdf-request:2", key("r1"), "worker"))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> ledger.allocate(partner, Q4, eur("200.00"), key("r1"), "erin", null))
        .isInstanceOf(ConflictException.class);
    assertThat(ledger.movements(partner, Q4, "EUR")).hasSize(2);
  }

  @Test
  void closingAPeriodReleasesOpenReservationsAndIsIdempotent() {
    FundPeriod q3 = FundPeriod.of("2026-Q3");
    // A period of its own, so that other tests' budgets are not closed along with it.
    FundPeriod closing = FundPeriod.of("19" + (10 + Math.floorMod(partner.hashCode(), 90)));
    for (FundPeriod p : List.of(closing, q3)) {
      ledger.allocate(partner, p, eur("1000.00"), key("alloc" + p), "erin", null);
      ledger.reserve(partner, p, eur("300.00"), "mdf-request:1", key("r1" + p), "worker");
      ledger.reserve(partner, p, eur("200.00"), "mdf-request:2", key("r2" + p), "worker");
      ledger.pay(partner, p, eur("100.00"), "mdf-request:1", key("p1" + p), "worker");
      ledger.release(partner, p, eur("200.00"), "mdf-request:2", key("x2" + p), "worker", null);
    }
    ledger.allocate(partner, closing, Money.of("10.00", "USD"), key("usd"), "erin", null);
    ledger.reserve(partner, closing, Money.of("4.00", "USD"), "mdf-request:9", key("u9"), "w");

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
            () -> ledger.reserve(partner, closing, eur("1.00"), "mdf-request:3", key("r3"), "w"))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(
            () -> ledger.allocate(partner, closing, eur("1.00"), key("late"), "erin", null))
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
   * 64 reservations of 10.00 race for a budget of 500.00: the row lock lets exactly 50 through and
   * refuses 14, and available ends at 0.00, never below.
   */
  @Test
  void concurrentReservationsNeverOverdrawTheBudget() throws Exception {
    ledger.allocate(partner, Q4, eur("500.00"), key("alloc"), "erin", null);
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
                        partner, Q4, eur("10.00"), "mdf-request:" + n, key("r" + n), "worker");
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
                  return ledger.allocate(partner, Q4, eur("10.00"), key("a" + n), "erin", null);
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
    ledger.allocate(partner, Q4, eur("500.00"), key("alloc"), "erin", null);
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
                      partner, Q4, eur("100.00"), "mdf-request:1", key("same"), "worker");
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

  @Test
  void theDatabaseRefusesANegativeAvailableAmount() {
    ledger.allocate(partner, Q4, eur("100.00"), key("alloc"), "erin", null);
    assertThatThrownBy(
            () ->
                jdbc.update("update fund_budget set reserved = 101 where partner_id = ?", partner))
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
  }
}
