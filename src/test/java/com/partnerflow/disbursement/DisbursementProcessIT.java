package com.partnerflow.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.BusinessTime;
import com.partnerflow.EngineCommandFaults;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.disbursement.DisbursementDriver.TestPartner;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.LedgerEntryType;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.notification.NotificationLog;
import com.partnerflow.notification.NotificationRecord;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Every path of bpmn/mdf-disbursement.bpmn with the real workers: requests approved through the
 * API, claims and verifications completed through the task inbox as the right users, payments
 * batched, confirmed and failed through {@code /api/payments}. Each test has a partner of its own
 * and checks allocated = available + reserved + paid on its budget.
 */
@PartnerflowIntegrationTest
class DisbursementProcessIT {

  @Autowired TestRestTemplate http;
  @Autowired PartnerBankAccounts bankAccounts;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired InboxTasks tasks;
  @Autowired BusinessTime time;
  @Autowired Claims claims;
  @Autowired AuditFlags flags;
  @Autowired Payments payments;
  @Autowired PaymentBatchLines lines;
  @Autowired NotificationLog notifications;
  @Autowired CamundaClient client;
  @Autowired EngineCommandFaults faults;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  DisbursementDriver driver;

  @BeforeEach
  void setUp() {
    driver = new DisbursementDriver(http, partners, accounts, funds, tasks, time, bankAccounts);
    time.ensureDaysLeftInPeriod(5);
  }

  static String invoice() {
    return "INV-" + UUID.randomUUID().toString().substring(0, 8);
  }

  record Approved(TestPartner partner, String requestId, List<String> milestones) {}

  Approved approved(String requested) {
    return approved(driver.newPartner("50000.00"), requested);
  }

  Approved approved(TestPartner partner, String requested) {
    String requestId = driver.submit(partner, "Webinar " + partner.user(), requested);
    driver.approveAll(requestId);
    List<String> milestones = driver.milestoneIds(requestId);
    driver.awaitMilestone(requestId, milestones.get(0), "CLAIMABLE");
    driver.assertLedgerBalances(partner);
    return new Approved(partner, requestId, milestones);
  }

  List<String> templatesMailedTo(TestPartner partner) {
    String email = partner.user() + "@" + partner.user() + ".example";
    return notifications.findAll().stream()
        .filter(n -> n.getRecipient().equals(email))
        .filter(n -> n.getStatus() == NotificationRecord.Status.SENT)
        .map(NotificationRecord::getTemplate)
        .toList();
  }

  @Test
  void claimVerifyPayConfirm() {
    Approved a = approved("1500.50");
    String m1 = a.milestones().get(0);

    String claimId = driver.claimMilestone(a.partner(), m1, "450.15", invoice());
    driver.awaitMilestone(a.requestId(), m1, "CLAIMED");
    driver.verify(m1, "frank", "{\"decision\":\"APPROVE\"}");

    var payment = driver.awaitPayment(claimId);
    assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("450.15");
    assertThat(payment.get("idempotencyKey").asText()).isEqualTo("claim:" + claimId);
    driver.awaitMilestone(a.requestId(), m1, "VERIFIED");
    String paymentId = payment.get("id").asText();
    // Not in a batch yet: no confirmation.
    if (payment.get("status").asText().equals("INSTRUCTED")) {
      assertThat(driver.confirm(paymentId, "TOO-EARLY").getStatusCode())
          .isIn(HttpStatus.CONFLICT, HttpStatus.OK);
    }
    String batchId = driver.batchPayment(paymentId);
    var batch =
        DisbursementDriver.read(driver.get("erin", "/api/payments/batches/" + batchId).getBody());
    assertThat(batch.get("payments").findValuesAsText("id")).contains(paymentId);

    assertThat(driver.confirm(paymentId, "BANK-REF-1").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(driver.confirm(paymentId, "BANK-REF-1").getStatusCode()).isEqualTo(HttpStatus.OK);
    var conflicting = driver.confirm(paymentId, "BANK-REF-2");
    assertThat(conflicting.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(conflicting.getHeaders().getContentType().toString())
        .contains("application/problem+json");

    driver.awaitMilestone(a.requestId(), m1, "PAID");
    var request = driver.request(a.partner().user(), a.requestId());
    assertThat(request.get("paidAmount").decimalValue()).isEqualByComparingTo("450.15");
    assertThat(driver.entries(a.partner(), a.requestId(), LedgerEntryType.PAY))
        .extracting(m -> m.amount().amount().toPlainString())
        .containsExactly("450.15");
    assertThat(driver.entries(a.partner(), a.requestId(), LedgerEntryType.RELEASE)).isEmpty();
    var balance = driver.assertLedgerBalances(a.partner());
    assertThat(balance.paid()).isEqualByComparingTo("450.15");
    assertThat(payments.findById(paymentId).orElseThrow().getStatus())
        .isEqualTo(PaymentStatus.CONFIRMED);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> templatesMailedTo(a.partner()),
            t -> t.containsAll(List.of("claim-received", "claim-approved", "milestone-paid")));
  }

  /**
   * Finance confirms while the engine refuses messages: the confirmation is saved with its message
   * (the outbox), answered 200, and reaches the disbursement once when the engine answers again —
   * also when finance, unsure, confirms a second time meanwhile.
   */
  @Test
  void aConfirmationWhileTheEngineIsAwayIsSavedAndPaysOnceWhenItAnswers() {
    Approved a = approved("1500.50");
    String m1 = a.milestones().get(0);
    String claimId = driver.claimMilestone(a.partner(), m1, "450.15", invoice());
    driver.awaitMilestone(a.requestId(), m1, "CLAIMED");
    driver.verify(m1, "frank", "{\"decision\":\"APPROVE\"}");
    String paymentId = driver.awaitPayment(claimId).get("id").asText();
    driver.batchPayment(paymentId);

    try {
      faults.refuse("PublishMessage");
      assertThat(driver.confirm(paymentId, "BANK-REF-AWAY").getStatusCode())
          .isEqualTo(HttpStatus.OK);
      assertThat(driver.confirm(paymentId, "BANK-REF-AWAY").getStatusCode())
          .isEqualTo(HttpStatus.OK);
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () ->
                  assertThat(confirmationsOf(paymentId))
                      .singleElement()
                      .satisfies(
                          m -> {
                            assertThat(m).containsEntry("SENT", false);
                            assertThat((Integer) m.get("FAILURES")).isGreaterThan(1);
                          }));
      assertThat(payments.findById(paymentId).orElseThrow().getStatus())
          .isEqualTo(PaymentStatus.CONFIRMED);
      assertThat(driver.milestoneStatus(a.requestId(), m1)).isEqualTo("VERIFIED");
      assertThat(driver.entries(a.partner(), a.requestId(), LedgerEntryType.PAY)).isEmpty();
    } finally {
      faults.clear();
    }

    driver.awaitMilestone(a.requestId(), m1, "PAID");
    assertThat(confirmationsOf(paymentId))
        .singleElement()
        .satisfies(m -> assertThat(m).containsEntry("SENT", true));
    assertThat(driver.entries(a.partner(), a.requestId(), LedgerEntryType.PAY))
        .extracting(m -> m.amount().amount().toPlainString())
        .containsExactly("450.15");
    driver.assertLedgerBalances(a.partner());
  }

  /** The outbox's confirmation messages of the payment: SENT, FAILURES. */
  List<Map<String, Object>> confirmationsOf(String paymentId) {
    return jdbc.queryForList(
        "SELECT sent_at IS NOT NULL AS sent, failures FROM engine_message WHERE message_id LIKE ?",
        DisbursementProcess.PAYMENT_CONFIRMED + ":" + paymentId + ":%");
  }

  @Test
  void partialApprovalPaysThePartAndReleasesTheRest() {
    Approved a = approved("1500.50");
    String m2 = a.milestones().get(1);
    InboxTask claimTask = driver.awaitTask(m2, "SubmitClaimTask");
    // Above the approved share: refused, nothing changes.
    var tooMuch =
        driver.tryComplete(
            a.partner().user(), claimTask, DisbursementDriver.claim("1050.36", invoice()));
    assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooMuch.getBody()).contains("claimedAmount");
    assertThat(driver.milestoneStatus(a.requestId(), m2)).isEqualTo("CLAIMABLE");

    String claimId = driver.claimMilestone(a.partner(), m2, "1050.35", invoice());
    InboxTask verification = driver.awaitTask(m2, "VerifyClaimTask");
    var partialAboveClaim =
        driver.tryComplete(
            "frank",
            verification,
            "{\"decision\":\"APPROVE_PARTIAL\",\"approvedAmount\":1050.35,\"reason\":\"x\"}");
    assertThat(partialAboveClaim.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(partialAboveClaim.getBody()).contains("approvedAmount");
    driver.complete(
        "frank",
        verification,
        "{\"decision\":\"APPROVE_PARTIAL\",\"approvedAmount\":700.00,\"reason\":\"Fewer attendees\"}");

    String paymentId = driver.awaitPayment(claimId).get("id").asText();
    driver.batchPayment(paymentId);
    assertThat(driver.confirm(paymentId, "BANK-REF-P").getStatusCode()).isEqualTo(HttpStatus.OK);

    driver.awaitMilestone(a.requestId(), m2, "PAID");
    assertThat(driver.entries(a.partner(), a.requestId(), LedgerEntryType.PAY))
        .extracting(m -> m.amount().amount().toPlainString())
        .containsExactly("700.00");
    assertThat(driver.entries(a.partner(), a.requestId(), LedgerEntryType.RELEASE))
        .extracting(m -> m.amount().amount().toPlainString())
        .containsExactly("350.35");
    var request = driver.request("erin", a.requestId());
    assertThat(request.get("releasedAmount").decimalValue()).isEqualByComparingTo("350.35");
    driver.assertLedgerBalances(a.partner());
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> templatesMailedTo(a.partner()), t -> t.contains("claim-partially-approved"));
  }

  @Test
  void moreEvidenceGoesBackToThePartnerAndThenToVerificationAgain() {
    Approved a = approved("1500.50");
    String m1 = a.milestones().get(0);
    String claimId = driver.claimMilestone(a.partner(), m1, "450.15", invoice());
    driver.verify(
        m1, "frank", "{\"decision\":\"REQUEST_EVIDENCE\",\"reason\":\"Add the attendee list\"}");

    InboxTask more = driver.awaitTask(m1, "ProvideEvidenceTask");
    assertThat(more.getCandidateGroups()).containsExactly("partner:" + a.partner().id());
    assertThat(claims.findById(claimId).orElseThrow().getStatus())
        .isEqualTo(ClaimStatus.EVIDENCE_REQUESTED);
    driver.complete(a.partner().user(), more, DisbursementDriver.claim("450.15", invoice()));

    driver.verify(m1, "frank", "{\"decision\":\"APPROVE\"}");
    assertThat(driver.awaitPayment(claimId).get("amount").decimalValue())
        .isEqualByComparingTo("450.15");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> templatesMailedTo(a.partner()), t -> t.contains("claim-evidence-requested"));
  }

  @Test
  void rejectionReleasesTheMilestonesShare() {
    Approved a = approved("1500.50");
    String m1 = a.milestones().get(0);
    driver.claimMilestone(a.partner(), m1, "450.15", invoice());
    driver.verify(m1, "frank", "{\"decision\":\"REJECT\",\"reason\":\"Not our product\"}");

    driver.awaitMilestone(a.requestId(), m1, "REJECTED");
    assertThat(driver.entries(a.partner(), a.requestId(), LedgerEntryType.RELEASE))
        .extracting(m -> m.amount().amount().toPlainString())
        .containsExactly("450.15");
    driver.assertLedgerBalances(a.partner());
  }

  @Test
  void aReusedInvoiceNumberIsRefusedAndAConcurrentDuplicateIsBlockedForAudit() {
    Approved a = approved("1500.50");
    String invoice = invoice();
    String first = driver.claimMilestone(a.partner(), a.milestones().get(0), "450.15", invoice);
    driver.awaitMilestone(a.requestId(), a.milestones().get(0), "CLAIMED");

    String m2 = a.milestones().get(1);
    InboxTask second = driver.awaitTask(m2, "SubmitClaimTask");
    // The same invoice, written differently: refused at the form.
    var reused =
        driver.tryComplete(
            a.partner().user(),
            second,
            DisbursementDriver.claim("100.00", invoice.toLowerCase().replace("-", " ")));
    assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(reused.getBody()).contains("invoiceNumber");

    // A submission racing the first one past the form check: the automated check blocks it.
    String secondClaim = DisbursementDriver.contextValue(second, "claimId");
    client
        .newCompleteCommand(second.getId())
        .variables(DisbursementDriver.read(DisbursementDriver.claim("100.00", invoice)).toString())
        .send()
        .join();

    driver.awaitMilestone(a.requestId(), m2, "REJECTED");
    assertThat(claims.findById(secondClaim).orElseThrow().getStatus())
        .isEqualTo(ClaimStatus.BLOCKED);
    assertThat(flags.findByClaimId(secondClaim))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getOtherClaimId()).isEqualTo(first);
              assertThat(f.getKind()).isEqualTo("DUPLICATE_INVOICE");
              assertThat(f.getDetail()).contains(first, secondClaim);
            });
    assertThat(driver.entries(a.partner(), a.requestId(), LedgerEntryType.RELEASE))
        .extracting(m -> m.amount().amount().toPlainString())
        .containsExactly("1050.35");
    driver.assertLedgerBalances(a.partner());
  }

  @Test
  void theSameFileOnClaimsOfTwoPartnersBlocksTheLaterClaim() {
    Approved a = approved("1500.50");
    Approved b = approved("1500.50");
    byte[] file = DisbursementDriver.uniquePdf();

    InboxTask taskA = driver.awaitTask(a.milestones().get(0), "SubmitClaimTask");
    String sha256 =
        driver.upload(a.partner().user(), taskA, "invoice.pdf", file).get("sha256").asText();
    String claimA = driver.claimMilestone(a.partner(), a.milestones().get(0), "450.15", invoice());
    driver.awaitTask(a.milestones().get(0), "VerifyClaimTask");

    InboxTask taskB = driver.awaitTask(b.milestones().get(0), "SubmitClaimTask");
    assertThat(
            driver
                .upload(b.partner().user(), taskB, "copy-of-invoice.pdf", file)
                .get("sha256")
                .asText())
        .isEqualTo(sha256);
    String claimB = driver.claimMilestone(b.partner(), b.milestones().get(0), "450.15", invoice());

    driver.awaitMilestone(b.requestId(), b.milestones().get(0), "REJECTED");
    assertThat(flags.findByClaimId(claimB))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getOtherClaimId()).isEqualTo(claimA);
              assertThat(f.getKind()).isEqualTo("DUPLICATE_FILE");
              assertThat(f.getDetail()).contains(claimA, claimB, sha256);
            });
    assertThat(driver.milestoneStatus(a.requestId(), a.milestones().get(0))).isEqualTo("CLAIMED");
    driver.assertLedgerBalances(b.partner());
  }

  @Test
  void aClaimAboveTheFinanceThresholdIsVerifiedByFinanceToo() {
    Approved a = approved("20000.50");
    String m2 = a.milestones().get(1);
    String claimId = driver.claimMilestone(a.partner(), m2, "14000.35", invoice());
    driver.verify(m2, "frank", "{\"decision\":\"APPROVE\"}");

    InboxTask finance = driver.awaitTask(m2, "VerifyClaimTask");
    assertThat(finance.getCandidateGroups()).containsExactly("finance");
    assertThat(payments.findByIdempotencyKey(Payment.keyFor(claimId))).isEmpty();
    driver.complete("erin", finance, "{\"decision\":\"APPROVE\"}");

    assertThat(driver.awaitPayment(claimId).get("amount").decimalValue())
        .isEqualByComparingTo("14000.35");
  }

  @Test
  void aFailedPaymentGoesBackToFinanceWhoRetriesIt() {
    Approved a = approved("1500.50");
    String m1 = a.milestones().get(0);
    String claimId = driver.claimMilestone(a.partner(), m1, "450.15", invoice());
    driver.verify(m1, "frank", "{\"decision\":\"APPROVE\"}");
    String paymentId = driver.awaitPayment(claimId).get("id").asText();
    String firstBatch = driver.batchPayment(paymentId);

    assertThat(driver.fail(paymentId, "AC04 account closed").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(driver.fail(paymentId, "AC04 account closed").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    InboxTask resolve = driver.awaitTask(m1, "ResolveFailedPaymentTask");
    assertThat(resolve.getCandidateGroups()).containsExactly("finance");
    driver.complete("erin", resolve, "{\"failureDecision\":\"RETRY\"}");

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> payments.findById(paymentId).orElseThrow(),
            p -> p.getStatus() == PaymentStatus.INSTRUCTED && p.getAttempt() == 2);
    String secondBatch = driver.batchPayment(paymentId);
    assertThat(secondBatch).isNotEqualTo(firstBatch);
    assertThat(driver.confirm(paymentId, "BANK-REF-R").getStatusCode()).isEqualTo(HttpStatus.OK);

    driver.awaitMilestone(a.requestId(), m1, "PAID");
    assertThat(payments.findAll().stream().filter(p -> p.getClaimId().equals(claimId))).hasSize(1);
    assertThat(lines.countByKeyPaymentId(paymentId)).isEqualTo(2);
    assertThat(driver.entries(a.partner(), a.requestId(), LedgerEntryType.PAY)).hasSize(1);
    driver.assertLedgerBalances(a.partner());
  }

  @Test
  void aCancelledFailedPaymentReleasesTheShare() {
    Approved a = approved("1500.50");
    String m1 = a.milestones().get(0);
    String claimId = driver.claimMilestone(a.partner(), m1, "450.15", invoice());
    driver.verify(m1, "frank", "{\"decision\":\"APPROVE\"}");
    String paymentId = driver.awaitPayment(claimId).get("id").asText();
    driver.batchPayment(paymentId);
    assertThat(driver.fail(paymentId, "AM05 duplicate").getStatusCode()).isEqualTo(HttpStatus.OK);
    driver.complete(
        "erin",
        driver.awaitTask(m1, "ResolveFailedPaymentTask"),
        "{\"failureDecision\":\"CANCEL\"}");

    driver.awaitMilestone(a.requestId(), m1, "REJECTED");
    assertThat(driver.entries(a.partner(), a.requestId(), LedgerEntryType.PAY)).isEmpty();
    assertThat(driver.entries(a.partner(), a.requestId(), LedgerEntryType.RELEASE))
        .extracting(m -> m.amount().amount().toPlainString())
        .containsExactly("450.15");
    assertThat(driver.confirm(paymentId, "LATE").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    driver.assertLedgerBalances(a.partner());
  }

  @Test
  void paymentsAfterARecentBankDetailChangeWaitForFinance() {
    TestPartner changed = driver.newPartnerWithoutBankDetails("50000.00");
    driver.bankDetailsChanged(changed, time.now().minus(Duration.ofHours(2)));
    Approved a = approved(changed, "1500.50");
    String m1 = a.milestones().get(0);
    String claimId = driver.claimMilestone(a.partner(), m1, "450.15", invoice());
    driver.verify(m1, "frank", "{\"decision\":\"APPROVE\"}");

    InboxTask hold = driver.awaitTask(m1, "ApproveHeldPaymentTask");
    assertThat(hold.getCandidateGroups()).containsExactly("finance");
    assertThat(payments.findByIdempotencyKey(Payment.keyFor(claimId))).isEmpty();
    driver.complete("erin", hold, "{\"holdDecision\":\"RELEASE\",\"holdReason\":\"Called them\"}");

    assertThat(driver.awaitPayment(claimId).get("status").asText()).isIn("INSTRUCTED", "IN_BATCH");

    // Bank details changed long ago (30 days): no hold.
    Approved b = approved("1500.50");
    String m2 = b.milestones().get(1);
    String claim2 = driver.claimMilestone(b.partner(), m2, "1050.35", invoice());
    driver.verify(m2, "frank", "{\"decision\":\"APPROVE\"}");
    assertThat(driver.awaitPayment(claim2)).isNotNull();
  }

  @Test
  void aRunBatchesThePaymentsItCanAndHoldsThoseOfPartnersWithoutBankDetails() {
    Approved noBank = approved(driver.newPartnerWithoutBankDetails("50000.00"), "1500.50");
    Approved withBank = approved("1500.50");
    String heldClaim =
        driver.claimMilestone(noBank.partner(), noBank.milestones().get(0), "450.15", invoice());
    driver.verify(noBank.milestones().get(0), "frank", "{\"decision\":\"APPROVE\"}");
    String paidClaim =
        driver.claimMilestone(
            withBank.partner(), withBank.milestones().get(0), "450.15", invoice());
    driver.verify(withBank.milestones().get(0), "frank", "{\"decision\":\"APPROVE\"}");
    String heldPayment = driver.awaitPayment(heldClaim).get("id").asText();
    String paidPayment = driver.awaitPayment(paidClaim).get("id").asText();

    var run = driver.post("erin", "/api/payments/runs", "");

    assertThat(run.getStatusCode()).as(run.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = DisbursementDriver.read(run.getBody());
    List<JsonNode> held = new java.util.ArrayList<>();
    answer.get("held").forEach(held::add);
    assertThat(held.stream().filter(h -> h.get("paymentId").asText().equals(heldPayment)))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.get("claimId").asText()).isEqualTo(heldClaim);
              assertThat(h.get("partnerId").asText()).isEqualTo(noBank.partner().id());
              assertThat(h.get("reason").asText()).contains("has no bank details");
            });
    assertThat(held).noneMatch(h -> h.get("paymentId").asText().equals(paidPayment));
    // Exactly one of the two is in a batch (this run's, unless the daily run was first).
    JsonNode paid = driver.payment(paidPayment);
    assertThat(paid.get("batchId").isNull()).isFalse();
    assertThat(paid.get("status").asText()).isIn("IN_BATCH", "SENT");
    JsonNode notPaid = driver.payment(heldPayment);
    assertThat(notPaid.get("batchId").isNull()).isTrue();
    assertThat(notPaid.get("status").asText()).isEqualTo("INSTRUCTED");
    assertThat(lines.countByKeyPaymentId(heldPayment)).isZero();
    assertThat(lines.countByKeyPaymentId(paidPayment)).isEqualTo(1);
    // Finance's audit flag, once however many runs hold it.
    assertThat(flags.findByClaimId(heldClaim))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.getKind()).isEqualTo(PaymentRuns.HELD_FLAG);
              assertThat(f.getDetail()).contains(heldPayment, "no bank details");
            });

    // The next run has nothing it can batch: 409 naming the held payment (or, when another
    // payment was instructed meanwhile, 201 holding it again).
    var again = driver.post("erin", "/api/payments/runs", "");
    assertThat(again.getStatusCode()).isIn(HttpStatus.CONFLICT, HttpStatus.CREATED);
    assertThat(again.getBody()).contains(heldPayment);
    if (again.getStatusCode() == HttpStatus.CONFLICT) {
      assertThat(again.getHeaders().getContentType().toString()).contains("problem+json");
      assertThat(again.getBody()).contains("No payment could be batched");
    }
    assertThat(flags.findByClaimId(heldClaim)).hasSize(1);

    // Bank details added: the next run pays it.
    driver.bankDetailsChanged(noBank.partner(), time.now().minus(Duration.ofDays(30)));
    assertThat(driver.batchPayment(heldPayment)).isNotNull();
    driver.assertLedgerBalances(noBank.partner());
  }

  @Test
  void unknownPaymentsAndOtherUsersGetProblems() {
    var unknown = driver.confirm("no-such-payment", "X");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getHeaders().getContentType().toString()).contains("problem+json");
    var blank = driver.post("erin", "/api/payments/x/confirmation", "{\"reference\":\" \"}");
    assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(blank.getBody()).contains("reference");
    assertThat(driver.get("alice", "/api/payments").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(driver.get("frank", "/api/payments").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }
}
