package com.partnerflow.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.disbursement.DisbursementDriver.TestPartner;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.insights.RequestOutcomes;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.InboxTasks;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The journey of one approved MDF request through the public API: both milestones claimed,
 * verified, batched, confirmed and paid (the second partly, its rest released), and the request
 * CLOSED with its totals and ROI figures. After every step the partner's budget holds allocated =
 * available + reserved + paid.
 */
@PartnerflowIntegrationTest
class DisbursementJourneyIT {

  @Autowired TestRestTemplate http;
  @Autowired PartnerBankAccounts bankAccounts;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired InboxTasks tasks;
  @Autowired BusinessTime time;
  @Autowired CloseOuts closeOuts;
  @Autowired CloseOutWorker closeOutWorker;
  @Autowired RequestOutcomes outcomes;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anApprovedRequestIsPaidMilestoneByMilestoneAndClosed() {
    time.ensureDaysLeftInPeriod(5);
    var driver = new DisbursementDriver(http, partners, accounts, funds, tasks, time, bankAccounts);
    TestPartner partner = driver.newPartner("50000.00");
    String requestId = driver.submit(partner, "Journey webinar", "1500.50");
    driver.assertLedgerBalances(partner);
    var approved = driver.approveAll(requestId);
    assertThat(approved.get("status").asText()).isEqualTo("IN_DISBURSEMENT");
    assertThat(driver.assertLedgerBalances(partner).reserved()).isEqualByComparingTo("1500.50");
    List<String> milestones = driver.milestoneIds(requestId);
    assertThat(milestones).hasSize(2);
    assertThat(
            driver
                .milestone(partner.user(), requestId, milestones.get(0))
                .get("amount")
                .decimalValue()
                .add(
                    driver
                        .milestone(partner.user(), requestId, milestones.get(1))
                        .get("amount")
                        .decimalValue()))
        .as("the milestones' shares add up to the approved amount")
        .isEqualByComparingTo("1500.50");

    // Milestone 1: claimed in full, approved, paid.
    String claim1 =
        driver.claimMilestone(partner, milestones.get(0), "450.15", "J-1-" + partner.user());
    driver.awaitMilestone(requestId, milestones.get(0), "CLAIMED");
    driver.assertLedgerBalances(partner);
    // The partner sees what they claimed and when verification is due.
    var claimed =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> driver.milestone(partner.user(), requestId, milestones.get(0)),
                m -> m.hasNonNull("verificationDueAt"));
    assertThat(claimed.get("claimId").asText()).isEqualTo(claim1);
    assertThat(claimed.get("claimStatus").asText()).isEqualTo("SUBMITTED");
    assertThat(claimed.get("claimedAmount").decimalValue()).isEqualByComparingTo("450.15");
    assertThat(claimed.get("paidAmount").decimalValue()).isEqualByComparingTo("0");
    driver.verify(milestones.get(0), "frank", "{\"decision\":\"APPROVE\"}");
    String payment1 = driver.awaitPayment(claim1).get("id").asText();
    driver.assertLedgerBalances(partner);
    driver.batchPayment(payment1);
    driver.assertLedgerBalances(partner);
    assertThat(driver.confirm(payment1, "J-REF-1").getStatusCode()).isEqualTo(HttpStatus.OK);
    driver.awaitMilestone(requestId, milestones.get(0), "PAID");
    var afterFirst = driver.assertLedgerBalances(partner);
    assertThat(afterFirst.paid()).isEqualByComparingTo("450.15");
    assertThat(afterFirst.reserved()).isEqualByComparingTo("1050.35");

    // Milestone 2: approved in part; the rest goes back to the available balance.
    String claim2 =
        driver.claimMilestone(partner, milestones.get(1), "1000.00", "J-2-" + partner.user());
    driver.assertLedgerBalances(partner);
    driver.verify(
        milestones.get(1),
        "frank",
        "{\"decision\":\"APPROVE_PARTIAL\",\"approvedAmount\":800.00,\"reason\":\"Smaller venue\"}");
    String payment2 = driver.awaitPayment(claim2).get("id").asText();
    driver.batchPayment(payment2);
    driver.assertLedgerBalances(partner);
    assertThat(driver.confirm(payment2, "J-REF-2").getStatusCode()).isEqualTo(HttpStatus.OK);

    var closed =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> driver.request(partner.user(), requestId),
                r -> r.get("status").asText().equals("CLOSED"));
    var end = driver.assertLedgerBalances(partner);
    assertThat(end.reserved()).isEqualByComparingTo("0");
    assertThat(end.paid()).isEqualByComparingTo("1250.15");
    assertThat(end.available()).isEqualByComparingTo("48749.85");
    assertThat(closed.get("approvedAmount").decimalValue()).isEqualByComparingTo("1500.50");
    assertThat(closed.get("paidAmount").decimalValue()).isEqualByComparingTo("1250.15");
    assertThat(closed.get("releasedAmount").decimalValue()).isEqualByComparingTo("250.35");
    assertThat(closed.get("milestones").findValuesAsText("status")).containsExactly("PAID", "PAID");
    var second = closed.get("milestones").get(1);
    assertThat(second.get("claimedAmount").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(second.get("approvedClaimAmount").decimalValue()).isEqualByComparingTo("800.00");
    assertThat(second.get("paidAmount").decimalValue()).isEqualByComparingTo("800.00");
    assertThat(second.hasNonNull("verificationDueAt")).isFalse();
    assertThat(closed.get("milestones").get(0).get("paidAmount").decimalValue())
        .isEqualByComparingTo("450.15");

    // The close-out job delivered again changes nothing: one CLOSED entry, the same figures.
    ActivatedJob closeOutAgain = mock(ActivatedJob.class);
    when(closeOutAgain.getVariablesAsMap()).thenReturn(Map.of("mdfRequestId", requestId));
    assertThat(closeOutWorker.closeOut(closeOutAgain))
        .containsEntry("paidAmount", closeOuts.findById(requestId).orElseThrow().getPaidAmount());
    assertThat(
            driver.request("erin", requestId).get("history").findValuesAsText("action").stream()
                .filter("CLOSED"::equals))
        .hasSize(1);

    CloseOut closeOut = closeOuts.findById(requestId).orElseThrow();
    assertThat(closeOut.getLeads()).isEqualTo(60);
    assertThat(closeOut.getOpportunities()).isEqualTo(12);
    assertThat(closeOut.getPipelineCreated()).isEqualByComparingTo("180000");
    assertThat(closeOut.getCostPerLead()).isEqualByComparingTo("20.84");
    assertThat(closeOut.getLeadsPerUnitPaid()).isEqualByComparingTo("0.047994");

    // The insights read model followed every write of the journey in its transactions: the
    // request's outcome row and one time to cash per payment, the same as computed anew.
    String outcome = outcomeOf(requestId);
    assertThat(outcome).isEqualTo("CLOSED/1500.50/2/1450.15/2/1250.15/60/12/180000.00/2/1250.15");
    assertThat(cashTimesOf(requestId)).isEqualTo(2);
    outcomes.rebuild();
    assertThat(outcomeOf(requestId)).isEqualTo(outcome);
    assertThat(cashTimesOf(requestId)).isEqualTo(2);

    // Another partner's user does not see the request.
    TestPartner other = driver.newPartner("10.00");
    assertThat(driver.get(other.user(), "/api/mdf-requests/" + requestId).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private String outcomeOf(String requestId) {
    return jdbc.queryForObject(
        "SELECT CONCAT_WS('/', status, approved_amount, claimed, claimed_amount, verified,"
            + " verified_amount, leads, opportunities, pipeline, paid, paid_amount)"
            + " FROM insights_request_outcome WHERE request_id = ?",
        String.class,
        requestId);
  }

  private int cashTimesOf(String requestId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM insights_cash_time WHERE request_id = ? AND paid_at >="
            + " claim_submitted_at",
        Integer.class,
        requestId);
  }
}
