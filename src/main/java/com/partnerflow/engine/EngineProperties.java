package com.partnerflow.engine;

import java.time.Duration;
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
    @DefaultValue("PT2M") Duration deploymentTimeout) {}
