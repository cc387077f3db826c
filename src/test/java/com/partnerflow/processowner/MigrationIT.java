package com.partnerflow.processowner;

import static com.partnerflow.processowner.DeploymentFiles.diagram;
import static com.partnerflow.processowner.DeploymentFiles.uniqueId;
import static com.partnerflow.processowner.DeploymentFiles.userTask;
import static com.partnerflow.processowner.DeploymentsApiIT.file;
import static com.partnerflow.processowner.DeploymentsApiIT.multipart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import com.partnerflow.engine.EmbeddedZeebeEngine;
import com.partnerflow.engine.ProcessTestSupport;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A running instance of an old version is moved to a new one with the proposed mapping, and
 * continues there: after the task it waited at, it reaches the step only the new version has.
 */
@PartnerflowIntegrationTest
class MigrationIT {

  @Autowired CamundaClient client;
  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired InboxTasks tasks;
  @Autowired EmbeddedZeebeEngine engine;
  @LocalServerPort int port;

  @Test
  void aMigratedInstanceContinuesOnTheNewVersion() throws Exception {
    String processId = uniqueId("migration-test");
    String wait = userTask("WaitTask", "mdf-request-review", "finance");
    long v1 = deploy(diagram(processId, wait));
    long v2 =
        deploy(diagram(processId, wait, userTask("AfterTask", "mdf-request-review", "finance")));
    long instance =
        client
            .newCreateInstanceCommand()
            .processDefinitionKey(v1)
            .send()
            .join()
            .getProcessInstanceKey();
    InboxTask waiting = awaitTask(instance, "WaitTask");

    JsonNode proposal =
        json.readTree(
            get(
                    "olivia",
                    "/api/process-instances/migration/proposal?sourceProcessDefinitionKey="
                        + v1
                        + "&targetProcessDefinitionKey="
                        + v2)
                .getBody());
    assertThat(proposal.get("mappings").toString())
        .isEqualTo("[{\"source\":\"WaitTask\",\"target\":\"WaitTask\"}]");
    assertThat(proposal.get("runningInstances").toString()).contains(String.valueOf(instance));
    assertThat(
            UiSession.signIn(port, "olivia")
                .get("/process-owner/migration?source=" + v1 + "&target=" + v2)
                .body())
        .contains("WaitTask")
        .contains("value=\"" + instance + "\"");

    String request =
        """
        {"sourceProcessDefinitionKey":%d,"targetProcessDefinitionKey":%d,
         "mappings":%s,"processInstanceKeys":[%d, 1]}
        """
            .formatted(v1, v2, proposal.get("mappings"), instance);
    assertThat(post("carol", request).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> migrated = post("olivia", request);

    assertThat(migrated.getStatusCode()).as(migrated.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode outcomes = json.readTree(migrated.getBody());
    assertThat(outcomes.get(0).get("key").asLong()).isEqualTo(instance);
    assertThat(outcomes.get(0).get("migrated").asBoolean()).as(migrated.getBody()).isTrue();
    assertThat(outcomes.get(1).get("migrated").asBoolean()).isFalse();
    assertThat(outcomes.get(1).get("error").asText()).contains("Not a running instance");

    client.newCompleteCommand(waiting.getId()).send().join();
    new ProcessTestSupport(engine)
        .eventually(instance, p -> p.hasPassedElement("WaitTask").isWaitingAtElements("AfterTask"));
    assertThat(versionsOf(processId))
        .as("the instance counts as running in the new version")
        .containsExactly(0L, 1L);

    // The page confirms with the edited mapping and shows the outcome per instance.
    String page = "/process-owner/migration?source=" + v1 + "&target=" + v2;
    String form = "source=" + v1 + "&target=" + v2 + "&mappingSource=WaitTask";
    UiSession session = UiSession.signIn(port, "olivia");
    assertThat(
            session
                .post(
                    "/process-owner/migration",
                    form + "&mappingTarget=WaitTask&instance=" + instance,
                    page)
                .body())
        .contains("Outcome")
        .contains("Not a running instance of process definition " + v1);
    assertThat(session.post("/process-owner/migration", form + "&mappingTarget=", page).body())
        .contains("Nothing was migrated")
        .contains("mappings: at least one mapping is needed");
  }

  @Test
  void anIncompleteRequestIsRefusedNamingEachField() {
    ResponseEntity<String> refused =
        post("olivia", "{\"sourceProcessDefinitionKey\":1,\"mappings\":[{\"source\":\"A\"}]}");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(refused.getBody())
        .contains("targetProcessDefinitionKey")
        .contains("mappings[0]")
        .contains("processInstanceKeys");
  }

  private List<Long> versionsOf(String processId) throws Exception {
    JsonNode versions =
        json.readTree(get("olivia", "/api/processes/" + processId + "/versions").getBody());
    return java.util.stream.StreamSupport.stream(versions.spliterator(), false)
        .map(v -> v.get("running").asLong())
        .toList();
  }

  private long deploy(String bpmn) throws Exception {
    String name = bpmn.substring(bpmn.indexOf("<bpmn:process id=\"") + 18);
    name = name.substring(0, name.indexOf('"'));
    ResponseEntity<String> deployed =
        http.withBasicAuth("olivia", "demo")
            .postForEntity("/api/deployments", multipart(file(name + ".bpmn", bpmn)), String.class);
    assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.CREATED);
    int version = json.readTree(deployed.getBody()).get("resources").get(0).get("version").asInt();
    return definitionKey(name, version);
  }

  private long definitionKey(String processId, int version) throws Exception {
    JsonNode versions =
        json.readTree(get("olivia", "/api/processes/" + processId + "/versions").getBody());
    for (JsonNode v : versions) {
      if (v.get("version").asInt() == version) {
        return v.get("processDefinitionKey").asLong();
      }
    }
    throw new AssertionError("No version " + version + " of " + processId);
  }

  private InboxTask awaitTask(long instance, String elementId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(instance).stream()
                    .filter(t -> t.getElementId().equals(elementId))
                    .findFirst()
                    .orElse(null),
            t -> t != null);
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  private ResponseEntity<String> post(String user, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo")
        .postForEntity(
            "/api/process-instances/migration", new HttpEntity<>(body, headers), String.class);
  }
}
