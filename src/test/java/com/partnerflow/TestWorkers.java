package com.partnerflow;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.MDC;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Workers for the test-only process {@code skeleton-roundtrip}, and engine faults on demand. */
@TestConfiguration(proxyBeanMethods = false)
public class TestWorkers {

  /** Off until a test turns it on (for engine outages: the outbox of process starts). */
  @Bean
  EngineCommandFaults engineCommandFaults() {
    return new EngineCommandFaults();
  }

  @Bean
  RoundtripWorkers roundtripWorkers() {
    return new RoundtripWorkers();
  }

  public static class RoundtripWorkers {

    private final Map<Long, Map<String, String>> mdcByJobKey = new ConcurrentHashMap<>();

    /** The logging context each echo job saw, by job key. */
    public Map<Long, Map<String, String>> mdcByJobKey() {
      return mdcByJobKey;
    }

    @WorkerVariables(produces = "echo")
    @JobWorker(type = "test.echo-greeting")
    public Map<String, Object> echoGreeting(ActivatedJob job) {
      mdcByJobKey.put(job.getKey(), Map.copyOf(MDC.getCopyOfContextMap()));
      return Map.of("echo", "echo: " + job.getVariablesAsMap().get("greeting"));
    }

    @WorkerVariables
    @JobWorker(type = "test.risky-step")
    public void riskyStep(ActivatedJob job) {
      Object outcome = job.getVariablesAsMap().get("outcome");
      if ("reject".equals(outcome)) {
        throw new BpmnError("TEST_REJECTED", "rejected on purpose");
      }
      if ("fail".equals(outcome)) {
        throw new IllegalStateException("technical failure on purpose");
      }
    }
  }
}
