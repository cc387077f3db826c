package com.partnerflow.apiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.TestPartners;
import com.partnerflow.apiclient.generated.ApiClient;
import com.partnerflow.apiclient.generated.ApiException;
import com.partnerflow.apiclient.generated.api.MdfRequestsApi;
import com.partnerflow.apiclient.generated.api.TasksApi;
import com.partnerflow.apiclient.generated.model.MdfDecision;
import com.partnerflow.apiclient.generated.model.MdfRequestSubmission;
import com.partnerflow.apiclient.generated.model.MdfRequestView;
import com.partnerflow.apiclient.generated.model.MilestonePlan;
import com.partnerflow.apiclient.generated.model.SubmittedMdfRequest;
import com.partnerflow.apiclient.generated.model.TaskView;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One MDF journey through a Java client generated from the committed {@code docs/openapi.json}
 * (profile {@code api-client}) and nothing else: a partner submits a request that the routing DMN
 * gives one approval level, the channel manager finds its task and approves it, and the request
 * reads back APPROVED. Only the partner and its budget are set up directly, as in every MDF test.
 */
@Tag("api-client")
@PartnerflowIntegrationTest
class MdfJourneyThroughGeneratedClientIT {

  @LocalServerPort int port;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired BusinessTime time;

  @Test
  void aPartnerSubmitsAnApproverApprovesAndTheRequestReadsBackApproved() throws ApiException {
    time.ensureDaysLeftInPeriod(5);
    MdfRequestsApi partner = new MdfRequestsApi(
            client(
                new TestPartners(partners, accounts, funds, time)
                    .withBudget("client", Tier.GOLD, Region.EMEA, "50000.00")));
    LocalDate day = time.today().plusDays(1);

    // 5,000.50 for a Gold partner with low risk: one approval level (channel-managers).
    SubmittedMdfRequest submitted =
        partner.submitMdfRequest(
            new MdfRequestSubmission()
                .activityType("EVENT")
                .title("Customer day")
                .description("Joint customer event")
                .region("EMEA")
                .startDate(day)
                .endDate(day)
                .currency("EUR")
                .totalCost(new BigDecimal("10001.00"))
                .requestedAmount(new BigDecimal("5000.50"))
                .partnerContribution(new BigDecimal("5000.50"))
                .expectedRegistrations(200L)
                .expectedLeads(40L)
                .expectedPipeline(new BigDecimal("250000"))
                .milestones(
                    List.of(
                        new MilestonePlan()
                            .name("Invitations")
                            .plannedDate(day)
                            .sharePercent(new BigDecimal("30")),
                        new MilestonePlan()
                            .name("Event held")
                            .plannedDate(day)
                            .sharePercent(new BigDecimal("70")))));
    assertThat(submitted.getStatus()).isEqualTo("SUBMITTED");

    TasksApi approver = new TasksApi(client("carol"));
    TaskView review =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    approver
                        .listTasks(
                            null, "channel-managers", "mdf-request", null, 0, 200, "createdAt")
                        .getItems()
                        .stream()
                        .filter(t -> submitted.getId().equals(t.getContext().get("mdfRequestId")))
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(approver.getTask(review.getId()).getFormKey()).isEqualTo("mdf-request-review");

    approver.completeTask(
        review.getId(), Map.of("decision", "APPROVE", "reason", "Fits the quarter's plan"));

    MdfRequestView approved =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> partner.getMdfRequest(submitted.getId()),
                r -> "APPROVED".equals(r.getStatus()) || "IN_DISBURSEMENT".equals(r.getStatus()));
    assertThat(approved.getApprovedAmount()).isEqualByComparingTo("5000.50");
    assertThat(approved.getHistory()).extracting(MdfDecision::getAction).contains("APPROVE");
    assertThatThrownBy(() -> new MdfRequestsApi(client("bob")).getMdfRequest(submitted.getId()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(404);
              assertThat(e.getResponseHeaders().firstValue("Content-Type"))
                  .hasValue("application/problem+json");
            });
  }

  /** The generated client, signing in with HTTP Basic as the document's security scheme says. */
  private ApiClient client(String username) {
    String credentials =
        Base64.getEncoder().encodeToString((username + ":demo").getBytes(StandardCharsets.UTF_8));
    ApiClient client = new ApiClient();
    client.updateBaseUri("http://localhost:" + port);
    client.setRequestInterceptor(
        request -> request.header("Authorization", "Basic " + credentials));
    return client;
  }
}
