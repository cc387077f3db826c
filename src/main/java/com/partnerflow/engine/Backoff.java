package com.partnerflow.engine;

import java.time.Duration;

/**
 * A bounded exponential backoff: {@code initial} after the first failure, {@code multiplier} times
 * longer after each further one, never longer than {@code max}.
 */
record Backoff(Duration initial, double multiplier, Duration max) {

  /** The wait after the {@code failures}-th failure (1 for the first). */
  Duration after(int failures) {
    double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
    return millis >= max.toMillis() ? max : Duration.ofMillis(Math.round(millis));
  }

  /** Refuses a backoff that does not wait, shrinks, or ends below its start. */
  static void check(String prefix, Duration initial, double multiplier, Duration max) {
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException(prefix + ".initial-backoff must be positive");
    }
    if (multiplier < 1) {
      throw new IllegalArgumentException(prefix + ".multiplier must be ≥ 1");
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          prefix + ".max-backoff must not be shorter than initial-backoff");
    }
  }
}
