package com.partnerflow.engine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Runs the Zeebe engine in-process when the service is in its embedded default mode. */
@Configuration(proxyBeanMethods = false)
@Profile("embedded")
class EmbeddedEngineConfiguration {

  @Bean
  EmbeddedZeebeEngine embeddedZeebeEngine(EngineProperties properties) {
    return new EmbeddedZeebeEngine(properties.port());
  }
}
