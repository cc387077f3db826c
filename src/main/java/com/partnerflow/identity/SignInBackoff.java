package com.partnerflow.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The back-off rule, on the service's clock. A failure within {@code window} of the previous one
 * adds to the count, an older count starts again at one; from the threshold on, each failure locks
 * for {@code baseDelay × 2^(failures − threshold)}, at most {@code maxDelay}.
 */
final class SignInBackoff {

  /** Beyond this many doublings every sensible delay is past its maximum anyway. */
  private static final int MAX_DOUBLINGS = 30;

  private final SignInThrottleProperties settings;
  private final Clock clock;

  SignInBackoff(SignInThrottleProperties settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** What one more failure now makes of a counter. */
  record Failure(int failures, Instant at, Instant lockedUntil) {

    boolean locks() {
      return lockedUntil != null;
    }
  }

  /**
   * One more failure now.
   *
   * @param failures the failures counted so far
   * @param lastFailureAt when the last of them happened, null when none
   * @param threshold the failures that start the back-off
   */
  Failure failure(int failures, Instant lastFailureAt, int threshold) {
    Instant now = clock.instant();
    boolean forgotten =
        lastFailureAt == null || !now.isBefore(lastFailureAt.plus(settings.window()));
    int counted = forgotten ? 1 : failures + 1;
    Duration lock = delay(counted, threshold);
    return new Failure(counted, now, lock.isZero() ? null : now.plus(lock));
  }

  /** The lock after this many failures; zero below the threshold. */
  Duration delay(int failures, int threshold) {
    if (failures < threshold) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - threshold, MAX_DOUBLINGS);
    Duration delay = settings.baseDelay().multipliedBy(1L << doublings);
    return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
  }

  /** How long a lock still holds, in whole seconds rounded up; empty when it has ended. */
  Optional<Duration> remaining(Instant lockedUntil) {
    if (lockedUntil == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(clock.instant(), lockedUntil);
    if (!left.isPositive()) {
      return Optional.empty();
    }
    long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
    return Optional.of(Duration.ofSeconds(seconds));
  }
}
