package com.partnerflow.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.disbursement.DisbursementDriver.TestPartner;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.notification.NotificationLog;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import com.partnerflow.task.TaskCompletion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The claim steps' jobs delivered again after the process moved on, as a worker that held a job
 * past its timeout would run it late: open-claim, both record-claim jobs (the claim and the
 * resubmission with more evidence), request-evidence, both record-verification jobs (the request
 * for evidence and the approval) and check-claim run a second time with the variables and keys the
 * engine gave them, while the claim's payment is already instructed. None of them changes the
 * claim, the request's audit trail or the mails sent; none flags the claim.
 */
@PartnerflowIntegrationTest
class RedeliveryIT {

  @Autowired TestRestTemplate http;
  @Autowired PartnerBankAccounts bankAccounts;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired InboxTasks tasks;
  @Autowired BusinessTime time;
  @Autowired Claims claims;
  @Autowired AuditFlags flags;
  @Autowired NotificationLog notifications;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired OpenClaimWorker openClaim;
  @Autowired RecordClaimWorker recordClaim;
  @Autowired CheckClaimWorker checkClaim;
  @Autowired RequestEvidenceWorker requestEvidence;
  @Autowired RecordVerificationWorker recordVerification;

  @Test
  void claimStepsDeliveredAgainAfterTheProcessMovedOnChangeNothing() throws Exception {
    time.ensureDaysLeftInPeriod(5);
    var driver = new DisbursementDriver(http, partners, accounts, funds, tasks, time, bankAccounts);
    TestPartner partner = driver.newPartner("50000.00");
    String requestId = driver.submit(partner, "Redelivered " + partner.user(), "1500.50");
    driver.approveAll(requestId);
    String milestoneId = driver.milestoneIds(requestId).get(0);
    String invoice = "RD-" + partner.user();

    InboxTask claimTask = driver.awaitTask(milestoneId, "SubmitClaimTask");
    String claimId = DisbursementDriver.contextValue(claimTask, "claimId");
    driver.complete(partner.user(), claimTask, DisbursementDriver.claim("450.15", invoice));
    driver.verify(
        milestoneId, "frank", "{\"decision\":\"REQUEST_EVIDENCE\",\"reason\":\"Add photos\"}");
    InboxTask evidenceTask = driver.awaitTask(milestoneId, "ProvideEvidenceTask");
    driver.complete(partner.user(), evidenceTask, DisbursementDriver.claim("450.15", invoice));
    driver.verify(milestoneId, "frank", "{\"decision\":\"APPROVE\"}");
    driver.awaitPayment(claimId);

    long instance = claimTask.getProcessInstanceKey();
    Claim before = claims.findById(claimId).orElseThrow();
    assertThat(before.getStatus()).isEqualTo(ClaimStatus.APPROVED);
    List<Map<String, Object>> trail = trail(requestId);
    List<String> mails = mailsOf(instance);
    String milestoneStatus = driver.milestoneStatus(requestId, milestoneId);

    Map<String, Object> variables =
        DisbursementDriver.jobVariables(partner, requestId, milestoneId, claimId, "Redelivered");

    assertThat(
            openClaim.openClaim(
                DisbursementDriver.deliveredJob(instance, "OpenClaimTask", 0, variables)))
        .containsEntry("claimId", claimId);
    for (InboxTask submitted : List.of(claimTask, evidenceTask)) {
      Map<String, Object> claimed = new HashMap<>(variables);
      claimed.putAll(
          json.readValue(
              DisbursementDriver.claim("450.15", invoice),
              new TypeReference<Map<String, Object>>() {}));
      claimed.put(TaskCompletion.COMPLETED_BY_VARIABLE, partner.user());
      claimed.put(TaskCompletion.COMPLETED_TASK_VARIABLE, String.valueOf(submitted.getId()));
      recordClaim.recordClaim(
          DisbursementDriver.deliveredJob(instance, "RecordClaimTask", 0, claimed));
    }
    Map<String, Object> askedForEvidence = new HashMap<>(variables);
    askedForEvidence.put("decision", "REQUEST_EVIDENCE");
    askedForEvidence.put("reason", "Add photos");
    requestEvidence.requestEvidence(
        DisbursementDriver.deliveredJob(
            instance,
            "RequestEvidenceTask",
            stepElement(requestId, "evidence:"),
            askedForEvidence));
    for (Map<String, Object> entry : trail) {
      String step = (String) entry.get("step_key");
      if (step != null && step.startsWith("verification:")) {
        Map<String, Object> decided = new HashMap<>(variables);
        decided.put("decision", ((String) entry.get("action")).substring("CLAIM_".length()));
        decided.put("reason", "Add photos");
        decided.put(TaskCompletion.COMPLETED_BY_VARIABLE, "frank");
        decided.put("verificationGroup", "marketing-ops");
        recordVerification.record(
            DisbursementDriver.deliveredJob(
                instance, "RecordVerificationTask", elementOf(step), decided));
      }
    }
    assertThat(
            checkClaim.checkClaim(
                DisbursementDriver.deliveredJob(instance, "CheckClaimTask", 0, variables)))
        .containsEntry("checkOutcome", "PASSED");

    Claim after = claims.findById(claimId).orElseThrow();
    assertThat(after.getStatus()).isEqualTo(ClaimStatus.APPROVED);
    assertThat(after.getSubmittedAt()).isEqualTo(before.getSubmittedAt());
    assertThat(after.getApprovedAmount()).isEqualByComparingTo("450.15");
    assertThat(after.getUpdatedAt()).isEqualTo(before.getUpdatedAt());
    assertThat(trail(requestId)).as("the request's audit trail").isEqualTo(trail);
    assertThat(mailsOf(instance)).as("mails of the disbursement").isEqualTo(mails);
    assertThat(flags.findByClaimId(claimId)).isEmpty();
    assertThat(driver.milestoneStatus(requestId, milestoneId)).isEqualTo(milestoneStatus);
  }

  private List<Map<String, Object>> trail(String requestId) {
    return jdbc.queryForList(
        "select seq, action, step_key, amount from mdf_decision where request_id = ? order by seq",
        requestId);
  }

  private List<String> mailsOf(long instance) {
    return notifications.findAll().stream()
        .map(n -> n.getIdempotencyKey() + " " + n.getTemplate())
        .filter(k -> k.startsWith(instance + ":"))
        .sorted()
        .toList();
  }

  /** The element instance key the engine gave the step that wrote the entry with this prefix. */
  private long stepElement(String requestId, String prefix) {
    return trail(requestId).stream()
        .map(e -> (String) e.get("step_key"))
        .filter(k -> k != null && k.startsWith(prefix))
        .map(RedeliveryIT::elementOf)
        .findFirst()
        .orElseThrow(() -> new AssertionError("No step " + prefix + " in " + requestId));
  }

  private static long elementOf(String stepKey) {
    return Long.parseLong(stepKey.substring(stepKey.indexOf(':') + 1));
  }
}
