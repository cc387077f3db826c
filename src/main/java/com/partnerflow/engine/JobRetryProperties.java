package com.partnerflow.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a job that failed for a technical reason waits before the engine hands it out again:
 * {@code initialBackoff} after the first failure, {@code multiplier} times longer after each
 * further one, never longer than {@code maxBackoff}. How many retries a step has is the diagram's
 * ({@code retries} of the task's job definition); after the last one the engine raises an incident.
 *
 * @param initialBackoff wait after the first failure
 * @param multiplier growth of the wait with each further failure of the same job
 * @param maxBackoff longest wait
 */
@ConfigurationProperties("partnerflow.engine.job-retry")
public record JobRetryProperties(
    @DefaultValue("PT5S") Duration initialBackoff,
    @DefaultValue("2") double multiplier,
    @DefaultValue("PT5M") Duration maxBackoff) {

  public JobRetryProperties {
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException(
          "partnerflow.engine.job-retry.initial-backoff must be positive");
    }
    if (multiplier < 1) {
      throw new IllegalArgumentException("partnerflow.engine.job-retry.multiplier must be ≥ 1");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "partnerflow.engine.job-retry.max-backoff must not be shorter than initial-backoff");
    }
  }

  /** The wait after the {@code failures}-th failure of a job (1 for the first). */
  public Duration backoffAfter(int failures) {
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
    return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(Math.round(millis));
  }
}
