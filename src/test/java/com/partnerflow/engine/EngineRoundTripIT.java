package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.TestWorkers.RoundtripWorkers;
import io.camunda.client.CamundaClient;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Deployment, workers, BPMN errors and incidents through the embedded engine. */
@PartnerflowIntegrationTest
class EngineRoundTripIT {

  @Autowired CamundaClient client;
  @Autowired EmbeddedZeebeEngine engine;
  @Autowired DeployedDefinitions deployed;
  @Autowired RoundtripWorkers workers;
  @Autowired JdbcTemplate jdbc;
  ProcessTestSupport process;

  @BeforeEach
  void recordStream() {
    process = new ProcessTestSupport(engine);
  }

  private long start(Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("skeleton-roundtrip")
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  @Test
  void deploysTheFilesOfTheBpmnFolderUnderTheirFileNames() {
    assertThat(deployed.process("skeleton-roundtrip"))
        .hasValueSatisfying(d -> assertThat(d.resourceName()).isEqualTo("skeleton-roundtrip.bpmn"));
  }

  @Test
  void workerCompletesJobsAndTheProcessEnds() {
    long key = start(Map.of("greeting", "hello", "outcome", "ok"));

    process.eventually(
        key,
        p ->
            p.isCompleted()
                .hasPassedElement("RoundtripDoneEvent")
                .hasVariableWithValue("echo", "echo: hello"));
  }

  @Test
  void workerLogsCarryTheProcessInstanceAndJobKeys() {
    long key = start(Map.of("greeting", "trace me", "outcome", "ok"));

    process.eventually(key, p -> p.hasPassedElement("EchoGreetingTask"));
    assertThat(workers.mdcByJobKey().values())
        .anySatisfy(
            mdc ->
                assertThat(mdc)
                    .contains(
                        entry("processInstanceKey", Long.toString(key)),
                        entry("jobType", "test.echo-greeting"),
                        entry("bpmnProcessId", "skeleton-roundtrip"))
                    .containsKey("jobKey"));
  }

  @Test
  void businessRejectionIsABpmnErrorCaughtInTheModel() {
    long key = start(Map.of("greeting", "hi", "outcome", "reject"));

    process.eventually(
        key,
        p ->
            p.isCompleted()
                .hasPassedElement("RiskyStepRejectedEvent")
                .hasNotPassedElement("RoundtripDoneEvent"));
  }

  @Test
  void technicalFailureRetriesThenRaisesAnIncident() {
    long key = start(Map.of("greeting", "hi", "outcome", "fail"));

    process.eventually(key, p -> p.isActive().hasAnyIncidents());
    // Both failures were counted for the backoff (JobFailureHandling), with the worker's message.
    assertThat(
            jdbc.queryForMap(
                "SELECT job_type, element_id, failures, last_error FROM job_failure"
                    + " WHERE process_instance_key = ?",
                key))
        .containsEntry("JOB_TYPE", "test.risky-step")
        .containsEntry("ELEMENT_ID", "RiskyStepTask")
        .containsEntry("FAILURES", 2)
        .containsEntry("LAST_ERROR", "IllegalStateException: technical failure on purpose");
  }
}
