package com.partnerflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The back-off rule on a clock the test moves: no sleeping. */
class SignInBackoffTest {

  private static final Instant START = Instant.parse("2026-12-03T09:00:00Z");

  /** A clock the test moves forward. */
  static final class MovableClock extends Clock {
    private Instant now = START;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final MovableClock clock = new MovableClock();
  private final SignInThrottleProperties settings =
      new SignInThrottleProperties(
          5, 50, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(1));
  private final SignInBackoff backoff = new SignInBackoff(settings, clock);

  @Test
  void belowTheThresholdNothingIsLocked() {
    SignInBackoff.Failure failure = null;
    for (int i = 1; i <= 4; i++) {
      failure = backoff.failure(failure == null ? 0 : failure.failures(), at(failure), 5);
      assertThat(failure.failures()).isEqualTo(i);
      assertThat(failure.locks()).isFalse();
      clock.advance(Duration.ofSeconds(1));
    }
  }

  @Test
  void fromTheThresholdTheLockDoublesWithEachFailureUpToTheMaximum() {
    assertThat(backoff.delay(4, 5)).isZero();
    assertThat(backoff.delay(5, 5)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.delay(6, 5)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.delay(7, 5)).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.delay(12, 5)).isEqualTo(Duration.ofSeconds(640));
    assertThat(backoff.delay(13, 5)).isEqualTo(Duration.ofMinutes(15));
    assertThat(backoff.delay(1_000, 5)).isEqualTo(Duration.ofMinutes(15));
    assertThat(backoff.delay(Integer.MAX_VALUE, 1)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void theFifthFailureLocksFromNowAndTheNextOneAfterTheLockLocksTwiceAsLong() {
    SignInBackoff.Failure fourth = backoff.failure(3, START.minusSeconds(1), 5);
    assertThat(fourth.locks()).isFalse();

    SignInBackoff.Failure fifth = backoff.failure(fourth.failures(), fourth.at(), 5);
    assertThat(fifth.lockedUntil()).isEqualTo(START.plusSeconds(5));

    clock.advance(Duration.ofSeconds(5));
    SignInBackoff.Failure sixth = backoff.failure(fifth.failures(), fifth.at(), 5);
    assertThat(sixth.failures()).isEqualTo(6);
    assertThat(sixth.lockedUntil()).isEqualTo(START.plusSeconds(5 + 10));
  }

  @Test
  void failuresOlderThanTheWindowAreForgotten() {
    SignInBackoff.Failure many = backoff.failure(20, START, 5);
    assertThat(many.failures()).isEqualTo(21);

    clock.advance(Duration.ofHours(1).minusNanos(1));
    assertThat(backoff.failure(21, START, 5).failures()).isEqualTo(22);

    clock.advance(Duration.ofNanos(1));
    SignInBackoff.Failure afterWindow = backoff.failure(21, START, 5);
    assertThat(afterWindow.failures()).isEqualTo(1);
    assertThat(afterWindow.locks()).isFalse();
  }

  @Test
  void remainingIsRoundedUpToWholeSecondsAndEmptyOnceTheLockEnded() {
    Instant until = START.plusSeconds(5);
    assertThat(backoff.remaining(null)).isEmpty();
    assertThat(backoff.remaining(until)).contains(Duration.ofSeconds(5));

    clock.advance(Duration.ofMillis(4_001));
    assertThat(backoff.remaining(until)).contains(Duration.ofSeconds(1));

    clock.advance(Duration.ofMillis(999));
    assertThat(backoff.remaining(until)).isEmpty();
  }

  @Test
  void settingsThatWouldForgetFailuresDuringTheLongestLockAreRefused() {
    assertThatThrownBy(
            () ->
                new SignInThrottleProperties(
                    5, 50, Duration.ofSeconds(5), Duration.ofHours(2), Duration.ofHours(1)))
        .hasMessageContaining("window must be at least max-delay");
    assertThatThrownBy(
            () ->
                new SignInThrottleProperties(
                    0, 50, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(1)))
        .hasMessageContaining("at least 1");
  }

  private static Instant at(SignInBackoff.Failure failure) {
    return failure == null ? null : failure.at();
  }
}
