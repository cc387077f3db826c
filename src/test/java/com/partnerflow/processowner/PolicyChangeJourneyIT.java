package com.partnerflow.processowner;

import static com.partnerflow.processowner.DeploymentsApiIT.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.disbursement.DisbursementDriver;
import com.partnerflow.engine.EmbeddedZeebeEngine;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.mdf.MdfRequests;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import io.camunda.zeebe.protocol.record.value.DecisionEvaluationRecordValue;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A process owner's policy change through the API, in a service of its own (the deployed MDF
 * process changes for everything after it): lower the automatic approval limit and see the
 * simulation's changed decisions first, add a finance approval step to {@code mdf-request}, deploy
 * both through the compatibility check. The next request follows the new route and reaches the
 * finance step; a request started before keeps the tables and the diagram it started with, even
 * when it is routed again after the deployment, and each recorded route names the decision version
 * the engine evaluated.
 */
@PartnerflowIntegrationTest
@TestPropertySource(properties = "partnerflow.test.context=policy-change-journey")
class PolicyChangeJourneyIT {

  static final String ROUTING = "mdf-approval-routing";

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired PartnerBankAccounts bankAccounts;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired InboxTasks tasks;
  @Autowired BusinessTime time;
  @Autowired MdfRequests requests;
  @Autowired EmbeddedZeebeEngine engine;

  @Test
  void aLoweredLimitAndAFinanceStepApplyToNewRequestsWhileEarlierOnesKeepTheirVersion()
      throws Exception {
    time.ensureDaysLeftInPeriod(5);
    var driver = new DisbursementDriver(http, partners, accounts, funds, tasks, time, bankAccounts);
    // Before the change: 1,500.50 of a Gold partner at low risk is approved automatically, 2,500.50
    // goes to channel managers.
    var autoPartner = driver.newPartner("50000.00");
    String autoApproved = driver.submit(autoPartner, "Auto " + autoPartner.user(), "1500.50");
    awaitStatus(driver, autoApproved, "IN_DISBURSEMENT");
    var earlyPartner = driver.newPartner("50000.00");
    String startedBefore = driver.submit(earlyPartner, "Early " + earlyPartner.user(), "2500.50");
    InboxTask firstReview = awaitTask(driver, startedBefore, "ReviewMdfRequestTask");

    String lowered =
        Files.readString(Path.of("bpmn/mdf-approval-routing.dmn"))
            .replace("<text>&lt;= 2000</text>", "<text>&lt;= 1000</text>");
    JsonNode simulation =
        json.readTree(post("/api/deployments/simulation", "file", dmn(lowered)).getBody());
    assertThat(simulation.get("changed").asInt()).isPositive();
    assertThat(simulation.get("cases").findValuesAsText("subjectId")).contains(autoApproved);

    ResponseEntity<String> deployed =
        post("/api/deployments", "files", dmn(lowered), bpmn(withFinanceApproval()));
    assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode deployment = json.readTree(deployed.getBody());
    assertThat(deployment.get("findings").findValuesAsText("severity")).doesNotContain("error");
    assertThat(deployment.get("resources").findValuesAsText("bpmnProcessId"))
        .contains("mdf-request", "mdf-disbursement");
    assertThat(deployment.get("resources").findValuesAsText("decisionId"))
        .contains(ROUTING, "tier-benefits", "mdf-risk-assessment");

    // The next request follows the new route: channel managers, then the new finance step.
    var latePartner = driver.newPartner("50000.00");
    String startedAfter = driver.submit(latePartner, "Late " + latePartner.user(), "1500.50");
    driver.complete("carol", awaitTask(driver, startedAfter, "ReviewMdfRequestTask"), APPROVE);
    driver.complete("erin", awaitTask(driver, startedAfter, "FinanceApprovalTask"), APPROVE);
    awaitStatus(driver, startedAfter, "IN_DISBURSEMENT");

    // The request started before is routed again after the deployment (a revision to 1,500.50):
    // its own version's table still approves that automatically, and it never reaches finance.
    driver.complete(
        "carol", firstReview, "{\"decision\":\"REQUEST_CHANGES\",\"reason\":\"Lower the amount\"}");
    InboxTask revise = awaitTask(driver, startedBefore, "ReviseMdfRequestTask");
    driver.complete(earlyPartner.user(), revise, revision("Early revised", "1500.50"));
    JsonNode before = awaitStatus(driver, startedBefore, "IN_DISBURSEMENT");
    assertThat(before.get("approvedAmount").decimalValue()).isEqualByComparingTo("1500.50");
    assertThat(driver.openTasks(startedBefore, "FinanceApprovalTask")).isEmpty();

    // Each recorded route names the version the engine evaluated for that request.
    List<JsonNode> earlyRoutes = routes(driver, startedBefore);
    List<JsonNode> lateRoutes = routes(driver, startedAfter);
    assertThat(earlyRoutes).hasSize(2);
    int oldVersion = earlyRoutes.getFirst().get("decisionVersion").asInt();
    assertThat(earlyRoutes).allSatisfy(r -> assertVersion(r, oldVersion));
    assertThat(earlyRoutes.getLast().get("reason").asText())
        .startsWith("Approved automatically")
        .endsWith("(decided by " + ROUTING + " version " + oldVersion + ")");
    assertThat(lateRoutes).singleElement().satisfies(r -> assertVersion(r, oldVersion + 1));
    assertThat(lateRoutes.getFirst().get("reason").asText()).startsWith("Approval by");
    assertThat(evaluatedVersions(startedBefore)).containsOnly(oldVersion).hasSize(2);
    assertThat(evaluatedVersions(startedAfter)).containsExactly(oldVersion + 1);
    // Partners do not see the routing (it reveals the risk assessment).
    assertThat(driver.request(earlyPartner.user(), startedBefore).get("history").toString())
        .doesNotContain("ROUTED", "RISK_ASSESSED");
  }

  static final String APPROVE = "{\"decision\":\"APPROVE\"}";

  private static void assertVersion(JsonNode route, int version) {
    assertThat(route.get("decisionId").asText()).isEqualTo(ROUTING);
    assertThat(route.get("decisionVersion").asInt()).isEqualTo(version);
    assertThat(route.get("decisionKey").asLong()).isPositive();
  }

  /** The ROUTED entries of the request's audit trail, as an internal user reads them. */
  private static List<JsonNode> routes(DisbursementDriver driver, String requestId) {
    return StreamSupport.stream(
            driver.request("erin", requestId).get("history").spliterator(), false)
        .filter(h -> h.get("action").asText().equals("ROUTED"))
        .toList();
  }

  /** The versions of the routing decision the engine evaluated for the request's instance. */
  private List<Integer> evaluatedVersions(String requestId) {
    long instance = requests.findById(requestId).orElseThrow().getProcessInstanceKey();
    List<Integer> versions = new ArrayList<>();
    engine
        .recordsAfter(-1)
        .forEach(
            r -> {
              if (r.getValue() instanceof DecisionEvaluationRecordValue e
                  && e.getProcessInstanceKey() == instance
                  && e.getDecisionId().equals(ROUTING)) {
                versions.add(e.getDecisionVersion());
              }
            });
    return versions;
  }

  /** The deployed MDF process with a finance approval after every approval by the levels. */
  static String withFinanceApproval() throws Exception {
    String diagram = Files.readString(Path.of("bpmn/mdf-request.bpmn"));
    String financeStep =
        """
            <bpmn:userTask id="FinanceApprovalTask" name="Finance approval">
              <bpmn:documentation>Finance signs off every approved request before funds are reserved.</bpmn:documentation>
              <bpmn:extensionElements>
                <zeebe:formDefinition formKey="mdf-request-review" />
                <zeebe:assignmentDefinition candidateGroups="finance" />
              </bpmn:extensionElements>
              <bpmn:incoming>Flow_Approved</bpmn:incoming>
              <bpmn:outgoing>Flow_FinanceApproved</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_FinanceApproved" sourceRef="FinanceApprovalTask" targetRef="ReserveFundsJoinGateway" />
          </bpmn:process>""";
    String changed =
        replaceOnce(
            diagram,
            "sourceRef=\"DecisionGateway\" targetRef=\"ReserveFundsJoinGateway\"",
            "sourceRef=\"DecisionGateway\" targetRef=\"FinanceApprovalTask\"");
    changed =
        replaceOnce(
            changed,
            "<bpmn:incoming>Flow_Approved</bpmn:incoming>",
            "<bpmn:incoming>Flow_FinanceApproved</bpmn:incoming>");
    return replaceOnce(changed, "</bpmn:process>", financeStep);
  }

  private static String replaceOnce(String text, String old, String replacement) {
    assertThat(text.split(java.util.regex.Pattern.quote(old), -1)).as(old).hasSize(2);
    return text.replace(old, replacement);
  }

  private String revision(String title, String requested) {
    String start = time.today().plusDays(2).toString();
    BigDecimal amount = new BigDecimal(requested);
    return """
        {"title":"%s","description":"Revised","startDate":"%s","endDate":"%s",
         "totalCost":%s,"requestedAmount":%s,"partnerContribution":%s}
        """
        .formatted(
            title, start, start, amount.multiply(BigDecimal.TWO).toPlainString(), amount, amount);
  }

  private static InboxTask awaitTask(DisbursementDriver driver, String requestId, String element) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> driver.openTasks(requestId, element), t -> !t.isEmpty())
        .getFirst();
  }

  private static JsonNode awaitStatus(DisbursementDriver driver, String requestId, String status) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> driver.request("erin", requestId), r -> r.get("status").asText().equals(status));
  }

  private record Part(String name, String content) {}

  private static Part dmn(String content) {
    return new Part("mdf-approval-routing.dmn", content);
  }

  private static Part bpmn(String content) {
    return new Part("mdf-request.bpmn", content);
  }

  private ResponseEntity<String> post(String path, String partName, Part... parts) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var body = new LinkedMultiValueMap<String, Object>();
    for (Part part : parts) {
      body.add(partName, file(part.name(), part.content()));
    }
    return http.withBasicAuth("olivia", "demo")
        .postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }
}
