package com.partnerflow.processowner;

import static com.partnerflow.processowner.DeploymentsApiIT.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * A process owner's policy change through the API, in a service of its own (the deployed routing
 * changes for everything after it): simulate a raised auto-approval limit, deploy it through the
 * compatibility check, and see the next request follow the new route while one routed before keeps
 * its approval task and finishes there.
 */
@PartnerflowIntegrationTest
@TestPropertySource(properties = "partnerflow.test.context=policy-change-journey")
class PolicyChangeJourneyIT {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired PartnerBankAccounts bankAccounts;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired InboxTasks tasks;
  @Autowired BusinessTime time;

  @Test
  void aRaisedAutoApprovalLimitIsSimulatedDeployedAndRoutesTheNextRequest() throws Exception {
    time.ensureDaysLeftInPeriod(5);
    var driver = new DisbursementDriver(http, partners, accounts, funds, tasks, time, bankAccounts);
    var before = driver.newPartner("50000.00");
    String routedBefore = driver.submit(before, "Before " + before.user(), "2500.50");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> driver.openTasks(routedBefore, "ReviewMdfRequestTask"), t -> !t.isEmpty());
    String raised =
        Files.readString(Path.of("bpmn/mdf-approval-routing.dmn"))
            .replace("<text>&lt;= 2000</text>", "<text>&lt;= 3000</text>");

    JsonNode simulation =
        json.readTree(post("/api/deployments/simulation", "file", raised).getBody());
    assertThat(simulation.get("cases").findValuesAsText("subjectId")).contains(routedBefore);

    ResponseEntity<String> deployed = post("/api/deployments", "files", raised);
    assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(json.readTree(deployed.getBody()).get("resources").findValuesAsText("decisionId"))
        .contains("mdf-approval-routing");

    var after = driver.newPartner("50000.00");
    String routedAfter = driver.submit(after, "After " + after.user(), "2500.50");
    JsonNode autoApproved =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> driver.request("erin", routedAfter),
                r -> r.get("status").asText().equals("IN_DISBURSEMENT"));
    assertThat(autoApproved.get("approvedAmount").decimalValue()).isEqualByComparingTo("2500.50");
    assertThat(driver.openTasks(routedAfter, "ReviewMdfRequestTask")).isEmpty();

    assertThat(driver.request("erin", routedBefore).get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(driver.approveAll(routedBefore).get("approvedAmount").decimalValue())
        .isEqualByComparingTo("2500.50");
  }

  private ResponseEntity<String> post(String path, String part, String dmn) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var body = new LinkedMultiValueMap<String, Object>();
    body.add(part, file("mdf-approval-routing.dmn", dmn));
    return http.withBasicAuth("olivia", "demo")
        .postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }
}
