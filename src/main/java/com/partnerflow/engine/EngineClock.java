package com.partnerflow.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's business clock in the embedded mode: the system time plus the offset by which the
 * embedded engine's clock was moved.
 *
 * <p>The engine's clock is the system time plus the sum of every {@code increaseTime} (Zeebe's
 * {@code ControlledActorClock}, in milliseconds). This clock adds the same sum, so fund periods,
 * "today" and due dates the service computes agree with the engine's timers and FEEL {@code now()}.
 * Only {@link EmbeddedZeebeEngine} moves it, together with the engine, and only forward: the
 * engine's timers and job deadlines never go back.
 */
final class EngineClock extends Clock {

  private final AtomicLong offsetMillis;
  private final ZoneId zone;

  EngineClock() {
    this(new AtomicLong(), ZoneOffset.UTC);
  }

  private EngineClock(AtomicLong offsetMillis, ZoneId zone) {
    this.offsetMillis = offsetMillis;
    this.zone = zone;
  }

  /** How far this clock (and so the engine's) runs ahead of the system clock. */
  Duration offset() {
    return Duration.ofMillis(offsetMillis.get());
  }

  /** Moves the clock forward; the caller moves the engine's clock by the same amount. */
  void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException(
          "The engine's clock only moves forward, not by " + duration);
    }
    offsetMillis.addAndGet(duration.toMillis());
  }

  @Override
  public long millis() {
    return System.currentTimeMillis() + offsetMillis.get();
  }

  /** Millisecond precision, like the engine's record timestamps, timers and due dates. */
  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  /** The same moving clock seen in another zone (it shares the offset). */
  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(this.zone) ? this : new EngineClock(offsetMillis, zone);
  }
}
