package com.partnerflow;

import com.partnerflow.engine.EmbeddedZeebeEngine;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The service's business time in integration tests. All {@link PartnerflowIntegrationTest} classes
 * share one engine, whose clock earlier classes may have moved by days or into a later fund period,
 * and a run may start at a fixed instant ({@code -Dpartnerflow.engine.start-instant}). So tests
 * read "now", "today" and the fund period from the service's clock, never from the machine's, and
 * move time only here: the engine's clock and the service's together.
 */
public class BusinessTime {

  private final EmbeddedZeebeEngine engine;
  private final FundLedger funds;

  public BusinessTime(EmbeddedZeebeEngine engine, FundLedger funds) {
    this.engine = engine;
    this.funds = funds;
  }

  public Instant now() {
    return engine.clock().instant();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), ZoneOffset.UTC);
  }

  public FundPeriod currentPeriod() {
    return funds.currentPeriod();
  }

  /** Moves the engine's clock and the service's forward, e.g. past a boundary timer. */
  public void move(Duration duration) {
    engine.increaseTime(duration);
  }

  /** Moves both clocks forward to the instant. */
  public void moveTo(Instant instant) {
    move(Duration.between(now(), instant));
  }

  /**
   * Makes sure that at least {@code days} days of the current fund period follow today; otherwise
   * moves the time to the first day of the next fund period + 2 days, 09:00 UTC. A test that then
   * moves the clock by less than {@code days} days stays in the period its data belongs to (a
   * budget, a reservation), and activities starting tomorrow lie within the period.
   */
  public void ensureDaysLeftInPeriod(int days) {
    FundPeriod period = currentPeriod();
    if (today().plusDays(days).isAfter(period.endsOn())) {
      LocalDate target = period.endsOn().plusDays(1).plusDays(2);
      moveTo(target.atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC));
    }
  }
}
