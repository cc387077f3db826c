package com.partnerflow.processowner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import com.partnerflow.task.InboxTasks;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** A user task whose form is missing reaches the process owners, and only them. */
@PartnerflowIntegrationTest
class ProcessOwnerWorkspaceIT {

  @Autowired CamundaClient client;
  @Autowired TestRestTemplate http;
  @Autowired InboxTasks tasks;
  @LocalServerPort int port;

  @Test
  void aTaskWithAMissingFormIsReportedToProcessOwners() {
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("skeleton-missing-form")
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(instance).isEmpty());

    ResponseEntity<String> report = get("olivia", "/api/process-owner/form-problems");

    assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(report.getBody())
        .contains("\"formKey\":\"no-such-form\"")
        .contains("\"bpmnProcessId\":\"skeleton-missing-form\"")
        .contains("\"elementId\":\"CheckNoteTask\"")
        .contains("\"problem\":\"Form 'no-such-form' is not in forms/\"")
        .doesNotContain("skeleton-review");
    assertThat(
            get("olivia", "/api/process-owner/processes/skeleton-missing-form/elements").getBody())
        .contains("{\"elementId\":\"CheckNoteTask\",\"openTasks\":");
    assertThat(
            get(
                    "olivia",
                    "/api/process-owner/processes/skeleton-missing-form/elements/CheckNoteTask/cases")
                .getBody())
        .contains("\"processInstanceKey\":" + instance + ",\"kind\":\"task\"");
    assertThat(UiSession.signIn(port, "olivia").get("/process-owner").body())
        .contains("Form &#39;no-such-form&#39; is not in forms/")
        .contains("CheckNoteTask")
        .contains("mdf-request.bpmn");
  }

  @Test
  void aDeployedProcessIsShownAsItsDiagram() {
    ResponseEntity<String> xml = get("olivia", "/api/process-owner/processes/mdf-request/xml");

    assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xml.getBody()).contains("bpmn:process id=\"mdf-request\"");
    assertThat(UiSession.signIn(port, "olivia").get("/process-owner/processes/mdf-request").body())
        .contains("data-xml-url=\"/api/process-owner/processes/mdf-request/xml\"")
        .contains("data-elements-url=\"/api/process-owner/processes/mdf-request/elements\"")
        .contains("bpmn/mdf-request.bpmn");
    assertThat(get("olivia", "/api/process-owner/processes/no-such-process/xml").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("carol", "/api/process-owner/processes/mdf-request/xml").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void nobodyElseSeesTheWorkspace() {
    for (String user : new String[] {"carol", "erin", "alice"}) {
      assertThat(get(user, "/api/process-owner/form-problems").getStatusCode())
          .as(user)
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(UiSession.signIn(port, user).get("/process-owner").statusCode())
          .as(user)
          .isEqualTo(404);
    }
    assertThat(get("admin", "/api/process-owner/form-problems").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }
}
