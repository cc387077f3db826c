package com.partnerflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.fund.FundBalance;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.fund.InsufficientFunds;
import com.partnerflow.fund.LedgerEntryType;
import com.partnerflow.fund.LedgerMovement;
import com.partnerflow.fund.Money;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Target of issue 5: ≥ 500 reservations per second against one budget on H2, with the invariant
 * intact. 16 threads race 5,000 reservations of 1.00 against a budget of 4,000.00: exactly 4,000
 * succeed, 1,000 are refused, available ends at 0.00 and the totals equal the ledger's entries.
 */
@Tag("bench")
@PartnerflowIntegrationTest
class FundLedgerBenchmark {

  private static final int THREADS = 16;
  private static final int ATTEMPTS = 5_000;
  private static final int ALLOCATED = 4_000;

  @Autowired FundLedger funds;
  @Autowired Partners partners;
  @Autowired BusinessTime time;

  @Test
  void reservationsPerSecondAgainstOneBudget() throws Exception {
    warmUp();
    String partner = partner("bench-ledger");
    FundPeriod period = funds.currentPeriod();
    funds.allocate(
        LedgerMovement.of(partner, period, Money.of(ALLOCATED + ".00", "EUR"))
            .withKey("bench-allocation:" + partner)
            .by("bench")
            .because("benchmark budget"));

    AtomicInteger reserved = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    double seconds = race(partner, period, 0, ATTEMPTS, THREADS, reserved, refused);

    double perSecond = reserved.get() / seconds;
    BenchReport.record(
        "fund ledger: reservations against one budget, " + THREADS + " threads, H2",
        String.format(
            "%d reserved + %d refused in %.2f s = %.0f reservations/s",
            reserved.get(), refused.get(), seconds, perSecond),
        "≥ 500 reservations/s, available never < 0",
        perSecond >= 500);

    assertThat(reserved.get()).isEqualTo(ALLOCATED);
    assertThat(refused.get()).isEqualTo(ATTEMPTS - ALLOCATED);
    FundBalance balance = funds.balance(partner, period, "EUR").orElseThrow();
    assertThat(balance.allocated()).isEqualByComparingTo(ALLOCATED + ".00");
    assertThat(balance.reserved()).isEqualByComparingTo(ALLOCATED + ".00");
    assertThat(balance.available()).isEqualByComparingTo("0.00");
    BigDecimal reservedInLedger =
        funds.movements(partner, period, "EUR").stream()
            .filter(m -> m.type() == LedgerEntryType.RESERVE)
            .map(m -> m.amount().amount())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(reservedInLedger).isEqualByComparingTo(balance.reserved());
  }

  /**
   * Lets the JIT and the connection pool settle on another budget first, and records what one
   * thread alone achieves (for information: the cost of a reservation without contention).
   */
  private void warmUp() throws Exception {
    String partner = partner("bench-ledger-warm-up");
    funds.allocate(
        LedgerMovement.of(partner, funds.currentPeriod(), Money.of("3000.00", "EUR"))
            .withKey("bench-allocation:" + partner)
            .by("bench")
            .because("warm-up budget"));
    race(partner, funds.currentPeriod(), 0, 1_000, THREADS);
    AtomicInteger reserved = new AtomicInteger();
    double seconds = race(partner, funds.currentPeriod(), 1_000, 2_000, 1, reserved);
    BenchReport.record(
        "fund ledger: reservations against one budget, 1 thread, H2",
        String.format("%.0f reservations/s", reserved.get() / seconds),
        "(for information)",
        true);
  }

  private double race(String partner, FundPeriod period, int from, int to, int threads)
      throws Exception {
    return race(partner, period, from, to, threads, new AtomicInteger());
  }

  private double race(
      String partner, FundPeriod period, int from, int to, int threads, AtomicInteger reserved)
      throws Exception {
    return race(partner, period, from, to, threads, reserved, new AtomicInteger());
  }

  /** Reservations number {@code from} to {@code to - 1}, taken in turn by {@code threads}. */
  private double race(
      String partner,
      FundPeriod period,
      int from,
      int to,
      int threads,
      AtomicInteger reserved,
      AtomicInteger refused)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger next = new AtomicInteger(from);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                  try {
                    funds.reserve(
                        LedgerMovement.of(partner, period, Money.of("1.00", "EUR"))
                            .forReference("bench-activity:" + i)
                            .withKey("bench-reserve:" + partner + ":" + i)
                            .by("bench"));
                    reserved.incrementAndGet();
                  } catch (InsufficientFunds e) {
                    refused.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    long t0 = System.nanoTime();
    start.countDown();
    for (Future<?> worker : workers) {
      worker.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    return seconds;
  }

  private String partner(String prefix) {
    String name = prefix + UUID.randomUUID().toString().substring(0, 8);
    return partners
        .save(new Partner("Bench " + name, name + ".example", Tier.GOLD, Region.EMEA, time.now()))
        .getId();
  }
}
