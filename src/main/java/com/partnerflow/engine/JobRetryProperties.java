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
    Backoff.check("partnerflow.engine.job-retry", initialBackoff, multiplier, maxBackoff);
  }

  /** The wait after the {@code failures}-th failure of a job (1 for the first). */
  public Duration backoffAfter(int failures) {
    return new Backoff(initialBackoff, multiplier, maxBackoff).after(failures);
  }
}
