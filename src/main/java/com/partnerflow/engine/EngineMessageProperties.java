package com.partnerflow.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the messages of the outbox ({@link EngineMessages}) reach the engine: each is tried once at
 * once; when the engine does not answer, it waits {@code initialBackoff}, then {@code multiplier}
 * times longer after each further failure, never longer than {@code maxBackoff}.
 *
 * @param pollInterval how often each service instance looks for messages that are due
 * @param initialBackoff wait after the first failed attempt
 * @param multiplier growth of the wait with each further failure
 * @param maxBackoff longest wait between two attempts
 * @param sendTimeout how long one attempt waits for the engine's answer
 * @param timeToLive how long the engine keeps a message that names no time to live of its own (a
 *     start message), and so refuses a second message with the same id; must outlast the time
 *     between an attempt and its record
 * @param batchSize how many due messages one look sends at most
 */
@ConfigurationProperties("partnerflow.engine.messages")
public record EngineMessageProperties(
    @DefaultValue("PT1S") Duration pollInterval,
    @DefaultValue("PT1S") Duration initialBackoff,
    @DefaultValue("2") double multiplier,
    @DefaultValue("PT1M") Duration maxBackoff,
    @DefaultValue("PT10S") Duration sendTimeout,
    @DefaultValue("PT1H") Duration timeToLive,
    @DefaultValue("50") int batchSize) {

  public EngineMessageProperties {
    Backoff.check("partnerflow.engine.messages", initialBackoff, multiplier, maxBackoff);
    if (timeToLive.compareTo(sendTimeout.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException(
          "partnerflow.engine.messages.time-to-live must be at least twice the"
              + " send-timeout, or a message sent again after a lost answer could arrive twice");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("partnerflow.engine.messages.batch-size must be ≥ 1");
    }
  }

  Backoff backoff() {
    return new Backoff(initialBackoff, multiplier, maxBackoff);
  }

  /** How long an instance holds a message it is sending before another may take it. */
  Duration lease() {
    return sendTimeout.multipliedBy(2);
  }
}
