package com.partnerflow.processowner;

import static com.partnerflow.processowner.DeploymentFiles.businessRuleTask;
import static com.partnerflow.processowner.DeploymentFiles.callActivity;
import static com.partnerflow.processowner.DeploymentFiles.decision;
import static com.partnerflow.processowner.DeploymentFiles.diagram;
import static com.partnerflow.processowner.DeploymentFiles.form;
import static com.partnerflow.processowner.DeploymentFiles.serviceTask;
import static com.partnerflow.processowner.DeploymentFiles.uniqueId;
import static com.partnerflow.processowner.DeploymentFiles.userTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.PartnerflowIntegrationTest;
import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** {@code POST /api/deployments}: the compatibility check, the engine, and the history. */
@PartnerflowIntegrationTest
class DeploymentsApiIT {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired CamundaClient client;

  @Test
  void aCompatibleDeploymentReachesTheEngineAndTheHistory() throws Exception {
    String process = uniqueId("deploy-ok");
    String decisionId = uniqueId("deploy-ok-decision");
    String formId = uniqueId("deploy-ok-form");
    String bpmn =
        diagram(
            process,
            serviceTask("EchoTask", "test.echo-greeting"),
            businessRuleTask("DecideTask", decisionId),
            userTask("ReviewTask", "skeleton-review", "finance"));

    ResponseEntity<String> answer =
        deploy(
            "olivia",
            file(process + ".bpmn", bpmn),
            file(decisionId + ".dmn", decision(decisionId)),
            file(formId + ".form", form(formId)));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    JsonNode body = json.readTree(answer.getBody());
    assertThat(body.path("deploymentKey").asLong()).isPositive();
    assertThat(body.path("findings")).isEmpty();
    assertThat(body.path("resources").toString())
        .contains("\"resourceName\":\"" + process + ".bpmn\",\"bpmnProcessId\":\"" + process)
        .contains("\"decisionId\":\"" + decisionId + "\"")
        .contains("\"formId\":\"" + formId + "\"")
        .contains("\"version\":1");

    JsonNode stored =
        json.readTree(get("olivia", "/api/deployments/" + body.path("id").asLong()).getBody());
    assertThat(stored.path("outcome").asText()).isEqualTo("DEPLOYED");
    assertThat(stored.path("deployedBy").asText()).isEqualTo("olivia");
    assertThat(stored.path("files").get(0).path("sha256").asText()).isEqualTo(sha256(bpmn));
    assertThat(get("admin", "/api/deployments").getBody()).contains(process + ".bpmn");

    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(process)
            .latestVersion()
            .variables(Map.of("greeting", "hi", "amount", 10))
            .send()
            .join()
            .getProcessInstanceKey();
    assertThat(instance).isPositive();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(get("olivia", "/api/processes/" + process + "/versions").getBody())
                    .contains("\"deployedBy\":\"olivia\"")
                    .contains("\"running\":1"));
  }

  @Test
  void everyVersionIsListedWithWhoDeployedIt() throws Exception {
    String process = uniqueId("deploy-versions");
    deploy("olivia", file(process + ".bpmn", diagram(process)));
    ResponseEntity<String> second =
        deploy(
            "admin",
            file(
                process + ".bpmn",
                diagram(process, serviceTask("EchoTask", "test.echo-greeting"))));
    assertThat(second.getStatusCode().value()).as(second.getBody()).isEqualTo(201);

    JsonNode versions =
        json.readTree(get("olivia", "/api/processes/" + process + "/versions").getBody());
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).path("version").asInt()).isEqualTo(1);
    assertThat(versions.get(0).path("deployedBy").asText()).isEqualTo("olivia");
    assertThat(versions.get(1).path("version").asInt()).isEqualTo(2);
    assertThat(versions.get(1).path("deployedBy").asText()).isEqualTo("admin");
    assertThat(versions.get(1).path("completed").asLong()).isZero();
    assertThat(versions.get(1).hasNonNull("deployedAt")).isTrue();

    JsonNode processes = json.readTree(get("olivia", "/api/processes").getBody());
    JsonNode listed = find(processes, process);
    assertThat(listed.path("version").asInt()).isEqualTo(2);
    assertThat(listed.path("versions")).hasSize(2);
    assertThat(find(processes, "mdf-request").path("versions").get(0).path("deployedBy").asText())
        .isEqualTo(ProcessesController.STARTUP_DEPLOYER);
    assertThat(
            find(json.readTree(get("carol", "/api/processes").getBody()), process).has("versions"))
        .as("versions are for process owners")
        .isFalse();
    assertThat(get("carol", "/api/processes/" + process + "/versions").getStatusCode().value())
        .isEqualTo(404);
    assertThat(get("olivia", "/api/processes/no-such-process/versions").getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void aJobTypeWithoutWorkerIsRefusedNamingTheElement() throws Exception {
    String process = uniqueId("deploy-no-worker");

    ResponseEntity<String> answer =
        deploy(
            "olivia",
            file(
                process + ".bpmn",
                diagram(process, serviceTask("ChargeCardTask", "payments.charge-card"))));

    assertRefused(answer);
    JsonNode finding = json.readTree(answer.getBody()).path("findings").get(0);
    assertThat(finding.path("severity").asText()).isEqualTo("error");
    assertThat(finding.path("resourceName").asText()).isEqualTo(process + ".bpmn");
    assertThat(finding.path("elementId").asText()).isEqualTo("ChargeCardTask");
    assertThat(finding.path("rule").asText()).isEqualTo("job-worker");
    assertThat(finding.path("message").asText()).contains("payments.charge-card");
    assertNotDeployed(process);
    assertThat(get("olivia", "/api/deployments").getBody()).contains("\"outcome\":\"REFUSED\"");
  }

  @Test
  void missingFormsGroupsDecisionsAndProcessesAreFindings() throws Exception {
    String process = uniqueId("deploy-missing");
    String bpmn =
        diagram(
            process,
            userTask("NoFormTask", "no-such-form", "finance"),
            userTask("NoGroupTask", "skeleton-review", "nobody-is-in-this-group"),
            userTask("OnePartnerTask", "skeleton-review", "partner:acme"),
            userTask(
                "PartnerByOtherVariableTask",
                "skeleton-review",
                "=[&quot;partner:&quot; + ownerId]"),
            businessRuleTask("NoDecisionTask", "no-such-decision"),
            callActivity("NoProcessTask", "no-such-process"));

    ResponseEntity<String> answer = deploy("olivia", file(process + ".bpmn", bpmn));

    assertRefused(answer);
    List<String> found = new ArrayList<>();
    json.readTree(answer.getBody())
        .path("findings")
        .forEach(f -> found.add(f.path("elementId").asText() + " " + f.path("rule").asText()));
    assertThat(found)
        .containsExactlyInAnyOrder(
            "NoFormTask form-key",
            "NoGroupTask candidate-group",
            "OnePartnerTask partner-group",
            "PartnerByOtherVariableTask partner-group",
            "NoDecisionTask called-decision",
            "NoProcessTask called-process");
    assertNotDeployed(process);
  }

  @Test
  void theServicesOwnDiagramsPassTheCheck() throws Exception {
    ResponseEntity<String> answer =
        deploy(
            "olivia",
            file("mdf-request.bpmn", classpath("bpmn/mdf-request.bpmn")),
            file("partner-onboarding.bpmn", classpath("bpmn/partner-onboarding.bpmn")),
            file("dispute-escalation.bpmn", classpath("bpmn/dispute-escalation.bpmn")),
            file("payment-run.bpmn", classpath("bpmn/payment-run.bpmn")),
            file("program-health.bpmn", classpath("bpmn/program-health.bpmn")));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
    JsonNode findings = json.readTree(answer.getBody()).path("findings");
    assertThat(findings.findValuesAsText("severity")).doesNotContain("error", "warning");
    // Bound to their deployment, the diagrams bring the deployed decisions and processes they call.
    assertThat(findings.findValuesAsText("resourceName"))
        .contains(
            "partner-tier.dmn",
            "mdf-disbursement.bpmn",
            "mdf-disbursement.dmn",
            "dispute-policy.dmn",
            "program-health-thresholds.dmn");
    assertThat(findings.findValuesAsText("rule")).containsOnly("deployment-binding");
  }

  @Test
  void aWorkerBeforeTheVariablesItNeedsIsRefusedNamingThem() throws Exception {
    // The decision is recorded before any review produced it: every instance would fail there.
    ResponseEntity<String> answer =
        deploy(
            "olivia",
            file(
                "mdf-request.bpmn",
                diagram("mdf-request", serviceTask("EarlyDecisionTask", "mdf.record-decision"))));

    assertRefused(answer);
    JsonNode finding = finding(answer, "worker-variables");
    assertThat(finding.path("severity").asText()).isEqualTo("error");
    assertThat(finding.path("elementId").asText()).isEqualTo("EarlyDecisionTask");
    // mdfRequestId is a start variable of mdf-request; the other two nothing produces.
    assertThat(finding.path("message").asText())
        .contains("'decidingGroup', 'decision'")
        .doesNotContain("mdfRequestId");
  }

  @Test
  void aFormWithoutTheFieldTheNextStepReadsIsRefused() throws Exception {
    String withoutDecision =
        diagram(
            "dispute-escalation",
            userTask("ReviewTask", "dispute-information", "partner-managers"),
            serviceTask("RecordDecisionTask", "dispute.record-decision"));
    String withDecision =
        diagram(
            "dispute-escalation",
            userTask("ReviewTask", "dispute-review", "partner-managers"),
            serviceTask("RecordDecisionTask", "dispute.record-decision"),
            // Refused for this, so the test deploys nothing either way.
            serviceTask("ChargeCardTask", "payments.charge-card"));

    ResponseEntity<String> refused =
        deploy("olivia", file("dispute-escalation.bpmn", withoutDecision));
    ResponseEntity<String> other = deploy("olivia", file("dispute-escalation.bpmn", withDecision));

    assertRefused(refused);
    JsonNode finding = finding(refused, "worker-variables");
    assertThat(finding.path("elementId").asText()).isEqualTo("RecordDecisionTask");
    assertThat(finding.path("message").asText()).contains("requires 'decision'");
    assertRefused(other);
    assertThat(rules(other)).contains("job-worker").doesNotContain("worker-variables");
  }

  @Test
  void theShippedMdfDiagramWithAReviewFormLackingTheDecisionIsRefused() throws Exception {
    // The whole diagram (sub-process, loops, boundary events): its review tasks now show a form
    // without the decision field that the recording worker and the gateways after it read.
    String bpmn =
        classpath("bpmn/mdf-request.bpmn")
            .replace("formKey=\"mdf-request-review\"", "formKey=\"mdf-request-revision\"");

    ResponseEntity<String> answer = deploy("olivia", file("mdf-request.bpmn", bpmn));

    assertRefused(answer);
    JsonNode finding = finding(answer, "worker-variables");
    assertThat(finding.path("message").asText())
        .contains("'mdf.record-decision' requires 'decision'");
    assertThat(rules(answer)).contains("expression-variables");
  }

  @Test
  void expressionsAndDecisionsReadingVariablesNothingProducesAreWarned() throws Exception {
    String decision = uniqueId("reads-unknown");
    String typo =
        """
        <bpmn:serviceTask id="ReserveTask" name="Reserve"><bpmn:extensionElements>\
        <zeebe:taskDefinition type="mdf.reserve-funds" /><zeebe:ioMapping>\
        <zeebe:input source="=requestedAmont * 2" target="doubled" /></zeebe:ioMapping>\
        </bpmn:extensionElements></bpmn:serviceTask>""";
    String bpmn =
        diagram(
            "mdf-request",
            typo,
            businessRuleTask("ScoreTask", decision),
            serviceTask("ChargeCardTask", "payments.charge-card"));

    ResponseEntity<String> answer =
        deploy(
            "olivia",
            file("mdf-request.bpmn", bpmn),
            file(
                decision + ".dmn",
                decision(decision)
                    .replace(
                        "<text>amount</text>", "<text>partnerScore + requestedAmount</text>")));

    assertRefused(answer);
    JsonNode expression = finding(answer, "expression-variables");
    assertThat(expression.path("severity").asText()).isEqualTo("warning");
    assertThat(expression.path("elementId").asText()).isEqualTo("ReserveTask");
    assertThat(expression.path("message").asText()).contains("'requestedAmont'");
    JsonNode inputs = finding(answer, "decision-inputs");
    assertThat(inputs.path("severity").asText()).isEqualTo("warning");
    assertThat(inputs.path("elementId").asText()).isEqualTo("ScoreTask");
    // requestedAmount is a start variable; partnerScore nothing produces.
    assertThat(inputs.path("message").asText())
        .contains("'partnerScore'")
        .doesNotContain("'requestedAmount'");
  }

  @Test
  void aProcessIdOfAnotherFileIsRefused() throws Exception {
    String bpmn = classpath("bpmn/mdf-request.bpmn");

    ResponseEntity<String> answer = deploy("olivia", file("my-mdf-request.bpmn", bpmn));

    assertRefused(answer);
    assertThat(answer.getBody())
        .contains("\"rule\":\"process-id-owned\"")
        .contains("belongs to mdf-request.bpmn")
        .contains("\"rule\":\"id-equals-file-name\"");
  }

  @Test
  void theEnginesRejectionIsShownVerbatimWithTheElement() throws Exception {
    String process = uniqueId("deploy-engine-says-no");
    String bpmn = diagram(process, "<bpmn:serviceTask id=\"NoTypeTask\" name=\"No type\" />");

    ResponseEntity<String> answer = deploy("olivia", file(process + ".bpmn", bpmn));

    assertRefused(answer);
    JsonNode finding = json.readTree(answer.getBody()).path("findings").get(0);
    assertThat(finding.path("rule").asText()).isEqualTo("engine");
    assertThat(finding.path("elementId").asText()).isEqualTo("NoTypeTask");
    assertThat(finding.path("message").asText()).contains("zeebe:taskDefinition");
    assertNotDeployed(process);
  }

  @Test
  void unsafeOrUnreadableFilesAre400() {
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</bpmn:definitions>
        """;
    String laughs =
        """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&lol3;</bpmn:definitions>
        """;
    assertBadFile(file("xxe.bpmn", xxe), "DOCTYPE");
    assertBadFile(file("laughs.dmn", laughs), "DOCTYPE");
    assertBadFile(file("notes.txt", "hello"), "no .bpmn, .dmn or .form file");
    assertBadFile(file("plain.bpmn", "hello, not XML"), "not well-formed");
    assertBadFile(file("routing.bpmn", decision("routing")), "no BPMN 2.0 diagram");
    assertBadFile(file("diagram.dmn", diagram("diagram")), "no DMN decision file");
    assertBadFile(file("broken.form", "{\"components\": 3}"), "no Camunda form");
    assertBadFile(file("../../etc/evil name.bpmn", diagram("x")), "file name");
  }

  @Test
  void aFileOverTheCapIs413() throws Exception {
    String padding = "<!-- " + "x".repeat(600 * 1024) + " -->";
    ResponseEntity<String> answer =
        deploy(
            "olivia",
            file(
                "big.bpmn",
                diagram("big").replace("</bpmn:definitions>", padding + "</bpmn:definitions>")));

    assertThat(answer.getStatusCode().value()).isEqualTo(413);
    assertThat(answer.getHeaders().getContentType().toString())
        .contains("application/problem+json");
    assertThat(answer.getBody()).contains("partnerflow.deployments.max-file-size");
  }

  @Test
  void onlyProcessOwnersAndAdminsSeeDeployments() {
    String process = uniqueId("deploy-forbidden");
    for (String user : new String[] {"carol", "erin", "alice"}) {
      assertThat(deploy(user, file(process + ".bpmn", diagram(process))).getStatusCode().value())
          .as(user)
          .isEqualTo(404);
      assertThat(get(user, "/api/deployments").getStatusCode().value()).as(user).isEqualTo(404);
    }
    assertNotDeployed(process);
    assertThat(get("olivia", "/api/deployments/999999999").getStatusCode().value()).isEqualTo(404);
    assertThat(http.getForEntity("/api/deployments", String.class).getStatusCode().value())
        .isEqualTo(401);
  }

  @Test
  void noFilesIs400() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("note", "no files");
    ResponseEntity<String> answer =
        http.withBasicAuth("olivia", "demo")
            .postForEntity("/api/deployments", new HttpEntity<>(body, headers), String.class);
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType().toString())
        .contains("application/problem+json");
  }

  private void assertBadFile(ByteArrayResource file, String reason) {
    ResponseEntity<String> answer = deploy("olivia", file);
    assertThat(answer.getStatusCode().value()).as(file.getFilename()).isEqualTo(400);
    assertThat(answer.getHeaders().getContentType().toString())
        .contains("application/problem+json");
    assertThat(answer.getBody())
        .as(file.getFilename())
        .contains("\"field\":\"files[0]\"")
        .contains(reason)
        .doesNotContain("root:");
  }

  private void assertRefused(ResponseEntity<String> answer) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(422);
    assertThat(answer.getHeaders().getContentType().toString())
        .contains("application/problem+json");
    assertThat(answer.getBody()).contains("nothing was deployed");
  }

  private void assertNotDeployed(String process) {
    assertThat(get("olivia", "/api/processes").getBody()).doesNotContain(process);
  }

  private static JsonNode find(JsonNode processes, String id) {
    for (JsonNode p : processes) {
      if (p.path("bpmnProcessId").asText().equals(id)) {
        return p;
      }
    }
    throw new AssertionError(id + " not in " + processes);
  }

  private JsonNode finding(ResponseEntity<String> answer, String rule) throws Exception {
    for (JsonNode f : json.readTree(answer.getBody()).path("findings")) {
      if (f.path("rule").asText().equals(rule)) {
        return f;
      }
    }
    throw new AssertionError("No finding of rule " + rule + " in " + answer.getBody());
  }

  private List<String> rules(ResponseEntity<String> answer) throws Exception {
    return json.readTree(answer.getBody()).path("findings").findValuesAsText("rule");
  }

  private ResponseEntity<String> deploy(String user, ByteArrayResource... files) {
    return http.withBasicAuth(user, "demo")
        .postForEntity("/api/deployments", multipart(files), String.class);
  }

  static HttpEntity<LinkedMultiValueMap<String, Object>> multipart(ByteArrayResource... files) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var body = new LinkedMultiValueMap<String, Object>();
    for (ByteArrayResource f : files) {
      body.add("files", f);
    }
    return new HttpEntity<>(body, headers);
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  static ByteArrayResource file(String name, String content) {
    return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  private static String classpath(String path) throws Exception {
    return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
  }

  private static String sha256(String content) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
  }
}
