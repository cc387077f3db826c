package com.partnerflow.cluster;

import static io.camunda.process.test.api.assertions.ElementSelectors.byId;

import com.partnerflow.FreePortsInitializer;
import com.partnerflow.TestWorkers;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The test-only process {@code skeleton-roundtrip} against a real Camunda 8.8 runtime that Camunda
 * Process Test starts in Testcontainers (needs a Docker engine), with the service's own deployer
 * and {@code @JobWorker}s. The in-process engine stays off; H2 and the embedded SMTP server of the
 * embedded profile stay on, on free ports.
 */
@Tag("cluster")
@SpringBootTest(
    properties = {
      "partnerflow.engine.embedded=false",
      "partnerflow.engine.job-retry.initial-backoff=PT0.2S",
      "partnerflow.engine.job-retry.max-backoff=PT1S"
    })
@ContextConfiguration(initializers = FreePortsInitializer.class)
@Import(TestWorkers.class)
@CamundaSpringProcessTest
class SkeletonRoundtripClusterTest {

  @Autowired CamundaClient client;

  @BeforeEach
  void allowForExportToSecondaryStorage() {
    // Assertions read the runtime's query API, which trails the engine by the export interval.
    CamundaAssert.setAssertionTimeout(Duration.ofSeconds(30));
  }

  private ProcessInstanceEvent start(Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("skeleton-roundtrip")
        .latestVersion()
        .variables(variables)
        .send()
        .join();
  }

  @Test
  void workersCompleteTheJobsAndTheInstanceEndsInDone() {
    ProcessInstanceEvent instance = start(Map.of("greeting", "hello", "outcome", "ok"));

    CamundaAssert.assertThat(instance)
        .isCompleted()
        .hasCompletedElementsInOrder(
            byId("EchoGreetingTask"), byId("RiskyStepTask"), byId("RoundtripDoneEvent"))
        .hasVariable("echo", "echo: hello")
        .hasNoActiveIncidents();
  }

  @Test
  void businessRejectionEndsInRejectedNotDone() {
    ProcessInstanceEvent instance = start(Map.of("greeting", "hi", "outcome", "reject"));

    CamundaAssert.assertThat(instance)
        .isCompleted()
        .hasCompletedElements(byId("RiskyStepRejectedEvent"), byId("RoundtripRejectedEvent"))
        .hasNotActivatedElements(byId("RoundtripDoneEvent"));
  }
}
