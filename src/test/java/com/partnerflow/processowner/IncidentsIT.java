package com.partnerflow.processowner;

import static com.partnerflow.processowner.DeploymentFiles.diagram;
import static com.partnerflow.processowner.DeploymentFiles.serviceTask;
import static com.partnerflow.processowner.DeploymentFiles.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import com.partnerflow.engine.EmbeddedZeebeEngine;
import com.partnerflow.engine.ProcessTestSupport;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A job whose worker fails until its cause is fixed: its retries run out, the incident reaches the
 * process owners with the error, case and element, and their retry after the fix lets the instance
 * continue.
 */
@PartnerflowIntegrationTest
class IncidentsIT {

  @Autowired CamundaClient client;
  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired EmbeddedZeebeEngine engine;
  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aJobOutOfRetriesIsListedAndRetriedAfterTheFix() throws Exception {
    String processId = uniqueId("incident-test");
    String jobType = uniqueId("test.flaky");
    client
        .newDeployResourceCommand()
        .addResourceBytes(
            diagram(processId, serviceTask("CallBankTask", jobType))
                .getBytes(StandardCharsets.UTF_8),
            processId + ".bpmn")
        .send()
        .join();
    AtomicBoolean fixed = new AtomicBoolean();
    try (JobWorker worker =
        client
            .newWorker()
            .jobType(jobType)
            .handler(
                (jobClient, job) -> {
                  if (fixed.get()) {
                    jobClient.newCompleteCommand(job).send().join();
                  } else {
                    jobClient
                        .newFailCommand(job)
                        .retries(job.getRetries() - 1)
                        .errorMessage("Bank API unreachable")
                        .send()
                        .join();
                  }
                })
            .open()) {
      long instance =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(processId)
              .latestVersion()
              .variables(Map.of("mdfRequestId", "case-" + processId))
              .send()
              .join()
              .getProcessInstanceKey();

      JsonNode incident =
          await().atMost(Duration.ofSeconds(30)).until(() -> incidentOf(instance), i -> i != null);
      assertThat(incident.get("errorMessage").asText()).isEqualTo("Bank API unreachable");
      assertThat(incident.get("elementId").asText()).isEqualTo("CallBankTask");
      assertThat(incident.get("jobType").asText()).isEqualTo(jobType);
      assertThat(incident.get("bpmnProcessId").asText()).isEqualTo(processId);
      assertThat(incident.get("subject").asText()).isEqualTo("mdfRequestId=case-" + processId);
      long key = incident.get("incidentKey").asLong();
      assertThat(UiSession.signIn(port, "olivia").get("/process-owner").body())
          .contains("Bank API unreachable")
          .contains("/process-owner/incidents/" + key + "/retry");
      assertThat(
              http.withBasicAuth("carol", "demo").getForEntity(LIST, String.class).getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(retry("carol", key).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      // The diagram's overlay counts it at its element, and a click lists the case.
      String elements = "/api/process-owner/processes/" + processId + "/elements";
      assertThat(get(elements))
          .isEqualTo("[{\"elementId\":\"CallBankTask\",\"openTasks\":0,\"incidents\":1}]");
      JsonNode waiting = json.readTree(get(elements + "/CallBankTask/cases"));
      assertThat(waiting.get(0).get("processInstanceKey").asLong()).isEqualTo(instance);
      assertThat(waiting.get(0).get("kind").asText()).isEqualTo("incident");
      assertThat(waiting.get(0).get("detail").asText()).isEqualTo("Bank API unreachable");
      assertThat(
              http.withBasicAuth("carol", "demo")
                  .getForEntity(elements, String.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);

      // The job's failures as the service's own workers count them (JobFailureHandling).
      long jobKey = incident.get("jobKey").asLong();
      jdbc.update(
          "INSERT INTO job_failure (job_key, job_type, process_instance_key, element_id, failures,"
              + " last_error, first_failed_at, last_failed_at)"
              + " VALUES (?, ?, ?, 'CallBankTask', 8, 'Bank API unreachable', ?, ?)",
          jobKey,
          jobType,
          instance,
          Timestamp.from(Instant.now()),
          Timestamp.from(Instant.now()));

      fixed.set(true);
      ResponseEntity<String> retried = retry("olivia", key);

      assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.OK);
      // Retried by hand, the job's next failure waits the first backoff again.
      assertThat(
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM job_failure WHERE job_key = ?", Integer.class, jobKey))
          .isZero();
      new ProcessTestSupport(engine).eventually(instance, p -> p.isCompleted());
      assertThat(incidentOf(instance)).isNull();
      assertThat(retry("olivia", key).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
  }

  static final String LIST = "/api/process-owner/incidents";

  private JsonNode incidentOf(long instance) throws Exception {
    JsonNode all =
        json.readTree(
            http.withBasicAuth("olivia", "demo").getForEntity(LIST, String.class).getBody());
    return StreamSupport.stream(all.spliterator(), false)
        .filter(i -> i.get("processInstanceKey").asLong() == instance)
        .findFirst()
        .orElse(null);
  }

  private String get(String path) {
    return http.withBasicAuth("olivia", "demo").getForEntity(path, String.class).getBody();
  }

  private ResponseEntity<String> retry(String user, long key) {
    return http.withBasicAuth(user, "demo")
        .postForEntity(LIST + "/" + key + "/retry", null, String.class);
  }
}
