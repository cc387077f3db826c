package com.partnerflow.engine;

import java.time.Clock;
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

  @Bean
  EmbeddedZeebeEngine embeddedZeebeEngine(EngineProperties properties) {
    var engine = new EmbeddedZeebeEngine(properties.port());
    if (properties.startInstant() != null) {
      engine.startAt(properties.startInstant());
    }
    engine.startInBackground();
    return engine;
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
