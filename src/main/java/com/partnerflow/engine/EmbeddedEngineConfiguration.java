package com.partnerflow.engine;

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
    var engine = new EmbeddedZeebeEngine(properties.port(), properties.state());
    engine.startInBackground();
    return engine;
  }
}
