package com.partnerflow.common;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole service: business code reads the time only from the injected {@link
 * Clock}, never from {@code Instant.now()} or {@code LocalDate.now()}. Outside the embedded mode it
 * is the system clock (UTC). The embedded mode's clock follows the in-process engine's clock, so
 * tests can move time instead of sleeping (the engine module defines it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    name = "partnerflow.engine.embedded",
    havingValue = "false",
    matchIfMissing = true)
class ClockConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
