package com.partnerflow.engine;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the engine wiring.
 *
 * @param embedded whether to run the Zeebe engine in this JVM (the embedded profile sets it)
 * @param port gRPC port of the in-process engine (embedded mode only)
 * @param deploymentResources resource patterns deployed to the engine at startup
 * @param deploymentTimeout how long the startup deployment keeps retrying while the engine is
 *     unavailable or slow to answer (a rejected file fails at once)
 * @param startInstant where the business time of the embedded mode starts (the service's clock and
 *     the engine's), e.g. to run the tests on the last day of a quarter; unset: now. It must not
 *     lie in the past, because the engine's clock only moves forward
 */
@ConfigurationProperties("partnerflow.engine")
public record EngineProperties(
    boolean embedded,
    @DefaultValue("26500") int port,
    @DefaultValue({
          "classpath*:bpmn/**/*.bpmn",
          "classpath*:bpmn/**/*.dmn",
          "classpath*:forms/**/*.form"
        })
        java.util.List<String> deploymentResources,
    @DefaultValue("PT2M") Duration deploymentTimeout,
    Instant startInstant) {

  public EngineProperties {
    if (startInstant != null && !embedded) {
      throw new IllegalArgumentException(
          "partnerflow.engine.start-instant sets the clock of the embedded engine only;"
              + " a cluster keeps its own time. Remove the setting.");
    }
    if (startInstant != null && startInstant.isBefore(Instant.now())) {
      throw new IllegalArgumentException(
          "partnerflow.engine.start-instant "
              + startInstant
              + " lies in the past (now: "
              + Instant.now()
              + "): the engine's clock only moves forward. Choose a later instant or remove"
              + " the setting to start at the current time.");
    }
  }
}
