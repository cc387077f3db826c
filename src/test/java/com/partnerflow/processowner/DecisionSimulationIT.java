package com.partnerflow.processowner;

import static com.partnerflow.processowner.DeploymentsApiIT.file;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.disbursement.DisbursementDriver;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.InboxTasks;
import io.camunda.client.CamundaClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * {@code POST /api/deployments/simulation}: a process owner raises the auto-approval threshold of
 * {@code mdf-approval-routing} and sees, before deploying, which of this period's requests would
 * have been routed otherwise; nothing is deployed.
 */
@PartnerflowIntegrationTest
class DecisionSimulationIT {

  static final Path ROUTING = Path.of("bpmn/mdf-approval-routing.dmn");

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired CamundaClient client;
  @Autowired PartnerBankAccounts bankAccounts;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired InboxTasks tasks;
  @Autowired BusinessTime time;

  DisbursementDriver driver;

  @BeforeEach
  void setUp() {
    driver = new DisbursementDriver(http, partners, accounts, funds, tasks, time, bankAccounts);
    time.ensureDaysLeftInPeriod(5);
  }

  @Test
  void aRaisedAutoApprovalThresholdShowsTheRequestsItWouldRouteOtherwise() throws Exception {
    // Two partners: one partner's second request for the same dates would be incentive stacking.
    var partner = driver.newPartner("50000.00");
    var other = driver.newPartner("50000.00");
    String small = assessed(driver.submit(partner, "Small " + partner.user(), "1500.50"));
    String medium = assessed(driver.submit(other, "Medium " + other.user(), "2500.50"));
    String raised =
        Files.readString(ROUTING).replace("<text>&lt;= 2000</text>", "<text>&lt;= 3000</text>");
    assertThat(raised).isNotEqualTo(Files.readString(ROUTING));

    ResponseEntity<String> answer = simulate("olivia", "mdf-approval-routing.dmn", raised);

    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode result = json.readTree(answer.getBody());
    assertThat(result.get("decisionId").asText()).isEqualTo("mdf-approval-routing");
    assertThat(result.get("period").asText()).contains(time.currentPeriod().id());
    int evaluated = result.get("evaluated").asInt();
    assertThat(evaluated).isGreaterThanOrEqualTo(2);
    assertThat(result.get("changed").asInt()).isEqualTo(result.get("cases").size());
    JsonNode mediumCase = caseOf(result, medium);
    assertThat(mediumCase).as("the 2,500.50 request of a Gold partner at low risk").isNotNull();
    assertThat(mediumCase.at("/before/approvalGroups").toString())
        .isEqualTo("[\"channel-managers\"]");
    assertThat(mediumCase.at("/after/approvalGroups").toString()).isEqualTo("[]");
    assertThat(mediumCase.get("amount").decimalValue()).isEqualByComparingTo("2500.50");
    assertThat(caseOf(result, small)).as("already approved automatically").isNull();
    long before = 0;
    long after = 0;
    for (JsonNode outcome : result.get("byOutcome")) {
      before += outcome.get("before").asLong();
      after += outcome.get("after").asLong();
    }
    assertThat(before).isEqualTo(evaluated);
    assertThat(after).isEqualTo(evaluated);

    // Nothing was deployed: the engine still routes the request as before.
    String deployed =
        client
            .newEvaluateDecisionCommand()
            .decisionId("mdf-approval-routing")
            .variables(Map.of("requestedAmount", 2500.50, "tier", "GOLD", "riskLevel", "LOW"))
            .send()
            .join()
            .getDecisionOutput();
    assertThat(json.readTree(deployed).get("approvalGroups").toString())
        .isEqualTo("[\"channel-managers\"]");
  }

  @Test
  void theDeployedDecisionUnchangedChangesNoCase() throws Exception {
    var partner = driver.newPartner("50000.00");
    assessed(driver.submit(partner, "Unchanged " + partner.user(), "2500.50"));

    ResponseEntity<String> answer =
        simulate("olivia", "mdf-approval-routing.dmn", Files.readString(ROUTING));

    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    JsonNode result = json.readTree(answer.getBody());
    assertThat(result.get("evaluated").asInt()).isPositive();
    assertThat(result.get("changed").asInt()).isZero();
    assertThat(result.get("cases")).isEmpty();
  }

  @Test
  void refusesWhatCannotBeSimulated() throws Exception {
    String routing = Files.readString(ROUTING);
    assertThat(simulate("carol", "mdf-approval-routing.dmn", routing).getStatusCode())
        .as("not a process owner")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(simulate("olivia", "routing.dmn", "<definitions").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<String> otherDecision =
        simulate("olivia", "partner-tier.dmn", Files.readString(Path.of("bpmn/partner-tier.dmn")));
    assertThat(otherDecision.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(otherDecision.getBody()).contains("mdf-approval-routing");
    ResponseEntity<String> broken =
        simulate(
            "olivia",
            "mdf-approval-routing.dmn",
            routing.replace("<text>&lt;= 2000</text>", "<text>&lt;= = 2000</text>"));
    assertThat(broken.getStatusCode())
        .as(broken.getBody())
        .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(broken.getHeaders().getContentType().toString()).contains("problem+json");
  }

  /** The request once Record risk stored its level (the routing's input). */
  private String assessed(String requestId) throws InterruptedException {
    JsonNode request = null;
    for (int i = 0; i < 300; i++) {
      request = driver.request("erin", requestId);
      if (request.hasNonNull("riskLevel")) {
        return requestId;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("No risk level after 30 s: " + request);
  }

  private static JsonNode caseOf(JsonNode result, String subjectId) {
    List<JsonNode> found = new ArrayList<>();
    result.get("cases").forEach(c -> found.add(c));
    return found.stream()
        .filter(c -> c.get("subjectId").asText().equals(subjectId))
        .findFirst()
        .orElse(null);
  }

  private ResponseEntity<String> simulate(String user, String name, String content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var body = new LinkedMultiValueMap<String, Object>();
    ByteArrayResource upload = file(name, content);
    body.add("file", upload);
    return http.withBasicAuth(user, "demo")
        .postForEntity(
            "/api/deployments/simulation", new HttpEntity<>(body, headers), String.class);
  }
}
