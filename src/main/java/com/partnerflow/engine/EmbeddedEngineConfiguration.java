package com.partnerflow.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the Zeebe engine in-process in the embedded default mode ({@code
 * partnerflow.engine.embedded}, set by the embedded profile).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "partnerflow.engine.embedded", havingValue = "true")
class EmbeddedEngineConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineConfiguration.class);

  @Bean
  EmbeddedZeebeEngine embeddedZeebeEngine(EngineProperties properties) {
    var engine = new EmbeddedZeebeEngine(properties.port(), properties.state());
    if (properties.startInstant() != null) {
      engine.startAt(properties.startInstant());
      log.warn(
          "Business time starts at {} (partnerflow.engine.start-instant), not now: the service's"
              + " and the engine's clocks run {} ahead of the system clock",
          properties.startInstant(),
          Duration.between(Instant.now(), properties.startInstant()).withNanos(0));
    }
    engine.startInBackground();
    return engine;
  }

  @Bean
  StuckInstances stuckInstances(EmbeddedZeebeEngine engine, ElementNames names) {
    return new EngineErrorWatch(engine::recordsAfter, () -> engine.recordsAfter(-1), names);
  }

  @Bean
  CanceledJobs canceledJobs(EmbeddedZeebeEngine engine) {
    return new RecordStreamCanceledJobs(engine::recordsAfter);
  }

  @Bean
  StuckInstancesHealthIndicator stuckInstancesHealthIndicator(StuckInstances stuckInstances) {
    return new StuckInstancesHealthIndicator(stuckInstances);
  }

  /**
   * The service's one clock in this mode is the engine's: when the engine's clock moves (tests move
   * it past timers), fund periods, deadlines and "today" move with it. The cluster mode's clock is
   * in {@code common.ClockConfiguration}.
   */
  @Bean
  Clock clock(EmbeddedZeebeEngine engine) {
    return engine.clock();
  }
}
