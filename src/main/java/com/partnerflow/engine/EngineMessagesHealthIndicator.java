package com.partnerflow.engine;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code engineMessages} in {@code /actuator/health}: how many messages of the outbox (submissions'
 * starts, payment confirmations) wait for the engine, and since when. {@code DEGRADED} once the
 * oldest has waited longer than twice the longest backoff, which only an engine outage (or a
 * refused message) explains. Not part of readiness: the service still takes submissions then, and
 * {@code camundaClient} already reports the engine itself.
 */
@Component
class EngineMessagesHealthIndicator extends AbstractHealthIndicator {

  static final Status DEGRADED = new Status("DEGRADED", "Messages wait for the engine");

  private final EngineMessages messages;
  private final EngineMessageProperties properties;
  private final Clock clock;

  EngineMessagesHealthIndicator(
      EngineMessages messages, EngineMessageProperties properties, Clock clock) {
    this.messages = messages;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    EngineMessages.Backlog backlog = messages.backlog();
    boolean late =
        backlog.oldestSince() != null
            && Duration.between(backlog.oldestSince(), clock.instant())
                    .compareTo(properties.maxBackoff().multipliedBy(2))
                > 0;
    builder.status(late ? DEGRADED : Status.UP).withDetail("pending", backlog.pending());
    if (backlog.oldestSince() != null) {
      builder.withDetail("oldestPendingSince", backlog.oldestSince().toString());
    }
  }
}
