package com.partnerflow.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.disbursement.DisbursementDriver.TestPartner;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.LedgerEntryType;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.notification.NotificationLog;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.InboxTasks;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/**
 * A payment job that times out in the engine after its worker did the work: the service instance
 * that held it "crashed" before completing, the engine's own job timeout runs out on its clock, and
 * the engine hands the same job to another activation. The service's own instruct-payment worker is
 * off in this context, so the test is that service's two instances: it activates the job with the
 * engine's client and calls the real worker method with what the engine delivered.
 */
@PartnerflowIntegrationTest
@TestPropertySource(
    properties = "camunda.client.worker.override[disbursement.instruct-payment].enabled=false")
class JobTimeoutIT {

  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);

  @Autowired TestRestTemplate http;
  @Autowired PartnerBankAccounts bankAccounts;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired InboxTasks tasks;
  @Autowired BusinessTime time;
  @Autowired Payments payments;
  @Autowired PaymentBatchLines lines;
  @Autowired NotificationLog notifications;
  @Autowired InstructPaymentWorker instructWorker;
  @Autowired CamundaClient client;

  @Test
  void aPaymentJobActivatedAgainAfterItsTimeoutInTheEnginePaysOnce() {
    time.ensureDaysLeftInPeriod(5);
    var driver = new DisbursementDriver(http, partners, accounts, funds, tasks, time, bankAccounts);
    TestPartner partner = driver.newPartner("50000.00");
    String requestId = driver.submit(partner, "Timed out " + partner.user(), "1500.50");
    driver.approveAll(requestId);
    String milestoneId = driver.milestoneIds(requestId).get(0);
    String claimId = driver.claimMilestone(partner, milestoneId, "450.15", "TO-" + partner.user());
    driver.verify(milestoneId, "frank", "{\"decision\":\"APPROVE\"}");

    // The first instance activates the job, writes the payment, and dies before completing.
    ActivatedJob first = activate();
    Object written = instructWorker.instruct(first).get("paymentId");
    assertThat(activateNow()).as("an activated job is not handed out again in time").isEmpty();

    // The engine's timeout runs out on its clock; another instance gets the same job.
    time.move(JOB_TIMEOUT.plusMinutes(1));
    ActivatedJob second = activate();
    assertThat(second.getKey()).isEqualTo(first.getKey());
    Map<String, Object> result = instructWorker.instruct(second);
    assertThat(result.get("paymentId")).isEqualTo(written);
    client.newCompleteCommand(second).variables(result).send().join();
    // The crashed instance's late completion is refused by the engine.
    assertThatThrownBy(() -> client.newCompleteCommand(first).variables(result).send().join())
        .hasMessageContaining("NOT_FOUND");

    String paymentId = (String) written;
    driver.batchPayment(paymentId);
    assertThat(driver.confirm(paymentId, "REF-" + paymentId).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    driver.awaitMilestone(requestId, milestoneId, "PAID");

    assertThat(payments.findAll().stream().filter(p -> p.getClaimId().equals(claimId)))
        .as("payments of the claim")
        .hasSize(1);
    assertThat(lines.countByKeyPaymentId(paymentId)).as("batch lines of the payment").isEqualTo(1);
    assertThat(driver.entries(partner, requestId, LedgerEntryType.PAY))
        .as("PAY entries")
        .singleElement()
        .satisfies(m -> assertThat(m.amount().amount()).isEqualByComparingTo("450.15"));
    assertThat(
            notifications.findAll().stream()
                .filter(n -> n.getTemplate().equals("claim-approved"))
                .filter(
                    n ->
                        n.getIdempotencyKey()
                            .contains(String.valueOf(first.getProcessInstanceKey()))))
        .as("claim-approved mails of the instance, one per partner user")
        .hasSize(1);
    driver.assertLedgerBalances(partner);
  }

  private ActivatedJob activate() {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(this::activateNow, jobs -> !jobs.isEmpty())
        .get(0);
  }

  private List<ActivatedJob> activateNow() {
    return client
        .newActivateJobsCommand()
        .jobType(DisbursementProcess.INSTRUCT_PAYMENT)
        .maxJobsToActivate(1)
        .timeout(JOB_TIMEOUT)
        .workerName("partnerflow-test-instance")
        .send()
        .join()
        .getJobs();
  }
}
