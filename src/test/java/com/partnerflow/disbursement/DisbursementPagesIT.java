package com.partnerflow.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import com.partnerflow.disbursement.DisbursementDriver.TestPartner;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * The disbursement pages over HTTP with signed-in sessions: marketing-ops' verification queue shows
 * a submitted claim with its invoice, results and evidence file link; finance's payments page shows
 * the payment, starts a payment run, links the batch's pain.001 file and confirms the payment. Both
 * are the 404 page for everyone else.
 */
@PartnerflowIntegrationTest
class DisbursementPagesIT {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired InboxTasks tasks;
  @Autowired BusinessTime time;
  @Autowired ClaimFiles claimFiles;
  @Autowired PartnerBankAccounts bankAccounts;

  @Test
  void marketingOpsVerifiesFromTheQueueAndFinancePaysFromThePaymentsPage() {
    time.ensureDaysLeftInPeriod(5);
    var driver = new DisbursementDriver(http, partners, accounts, funds, tasks, time, bankAccounts);
    TestPartner partner = driver.newPartner("20000.00");
    String title = "Pages webinar " + partner.user();
    String requestId = driver.submit(partner, title, "1000.00");
    driver.approveAll(requestId);
    List<String> milestones = driver.milestoneIds(requestId);

    // The partner uploads an invoice PDF and claims the first milestone.
    InboxTask claimTask = driver.awaitTask(milestones.get(0), "SubmitClaimTask");
    // The request page shows each milestone's status and links the partner's open claim task.
    var partnerSession = UiSession.signIn(port, partner.user());
    var requestPage = partnerSession.get("/mdf-requests/" + requestId);
    assertThat(requestPage.statusCode()).isEqualTo(200);
    assertThat(requestPage.body())
        .contains("data-milestone-id=\"" + milestones.get(0) + "\"")
        .contains("href=\"/tasks/" + claimTask.getId() + "\"")
        .contains("Claimable");
    TestPartner other = driver.newPartner("10.00");
    assertThat(UiSession.signIn(port, other.user()).get("/mdf-requests/" + requestId).statusCode())
        .isEqualTo(404);

    String attachmentId =
        driver
            .upload(partner.user(), claimTask, "invoice.pdf", DisbursementDriver.uniquePdf())
            .get("id")
            .asText();
    String invoice = "PG-" + partner.user();
    driver.complete(partner.user(), claimTask, DisbursementDriver.claim("300.00", invoice));
    String claimId = DisbursementDriver.contextValue(claimTask, "claimId");
    InboxTask verifyTask = driver.awaitTask(milestones.get(0), "VerifyClaimTask");
    assertThat(claimFiles.findByKeyClaimId(claimId)).hasSize(1);
    // The partner's request page shows the claimed amount and when verification is due.
    assertThat(partnerSession.get("/mdf-requests/" + requestId).body())
        .contains("class=\"muted verification-due\"")
        .contains("verification due ")
        .containsPattern("class=\"claimed\">[^<]*300\\.00");

    // Marketing-ops sees the claim in the queue, with its evidence inline and its task linked.
    var queue = UiSession.signIn(port, "frank").get("/disbursements/verification");
    assertThat(queue.statusCode()).isEqualTo(200);
    assertThat(queue.body())
        .contains("data-claim-id=\"" + claimId + "\"")
        .contains(title)
        .contains("Invitations")
        .contains(invoice)
        .contains("href=\"/api/attachments/" + attachmentId + "\"")
        .contains("invoice.pdf")
        .contains("href=\"https://example.com/recording\"")
        .contains("30 leads")
        .contains("href=\"/tasks/" + verifyTask.getId() + "\"");
    var file =
        http.withBasicAuth("frank", "demo")
            .getForEntity("/api/attachments/" + attachmentId, byte[].class);
    assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(new String(file.getBody(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(UiSession.signIn(port, "erin").get("/disbursements/verification").statusCode())
        .isEqualTo(200);
    assertThat(UiSession.signIn(port, "carol").get("/disbursements/verification").statusCode())
        .isEqualTo(404);
    assertThat(
            UiSession.signIn(port, partner.user()).get("/disbursements/verification").statusCode())
        .isEqualTo(404);

    driver.verify(milestones.get(0), "frank", "{\"decision\":\"APPROVE\"}");
    String paymentId = driver.awaitPayment(claimId).get("id").asText();

    // Finance sees the payment, starts a run and confirms the payment from the page.
    var finance = UiSession.signIn(port, "erin");
    var page = finance.get("/payments");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("data-payment-id=\"" + paymentId + "\"")
        .contains("claim:" + claimId)
        .contains(partnerName(partner));
    if (driver.payment(paymentId).get("status").asText().equals("INSTRUCTED")) {
      var run = finance.post("/payments/runs", "", "/payments");
      assertThat(run.statusCode()).isEqualTo(302);
      assertThat(run.headers().firstValue("Location").orElse("")).endsWith("/payments");
      assertThat(finance.get("/payments").body()).contains("Payment run started");
    }
    String batchId = driver.batchPayment(paymentId);
    assertThat(finance.get("/payments").body())
        .contains("href=\"/api/payments/batches/" + batchId + "/file\"");

    var blank = finance.post("/payments/" + paymentId + "/confirmation", "reference=", "/payments");
    assertThat(blank.statusCode()).isEqualTo(302);
    assertThat(finance.get("/payments").body())
        .contains("id=\"flash-error\"")
        .contains("reference");
    assertThat(driver.payment(paymentId).get("status").asText()).isNotEqualTo("CONFIRMED");

    var confirmed =
        finance.post("/payments/" + paymentId + "/confirmation", "reference=PG-REF-1", "/payments");
    assertThat(confirmed.statusCode()).isEqualTo(302);
    assertThat(finance.get("/payments").body())
        .contains("Payment confirmed with reference PG-REF-1.");
    assertThat(driver.payment(paymentId).get("status").asText()).isEqualTo("CONFIRMED");
    driver.awaitMilestone(requestId, milestones.get(0), "PAID");
    assertThat(partnerSession.get("/mdf-requests/" + requestId).body())
        .doesNotContain("href=\"/tasks/" + claimTask.getId() + "\"")
        .contains("id=\"mdf-request-paid\"")
        .containsPattern("class=\"paid\">[^<]*300\\.00");

    assertThat(UiSession.signIn(port, "frank").get("/payments").statusCode()).isEqualTo(404);
    assertThat(UiSession.signIn(port, partner.user()).get("/payments").statusCode()).isEqualTo(404);
  }

  private String partnerName(TestPartner partner) {
    return partners.findById(partner.id()).orElseThrow().getName();
  }
}
