package com.partnerflow.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.disbursement.DisbursementDriver;
import com.partnerflow.disbursement.DisbursementDriver.TestPartner;
import com.partnerflow.dispute.DisputeDriver.DecidedClaim;
import com.partnerflow.fund.FundBalance;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundMovement;
import com.partnerflow.fund.LedgerEntryType;
import com.partnerflow.fund.LedgerMovement;
import com.partnerflow.fund.Money;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.notification.NotificationLog;
import com.partnerflow.notification.NotificationRecord;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Every path of bpmn/dispute-escalation.bpmn with the real workers: decisions made through the API
 * by the demo deciders, disputes opened by the partner's user, reviews completed through the inbox
 * by paula (partner-managers) and grace (executive-sponsors). Each test has a partner of its own
 * and checks allocated = available + reserved + paid on its budget.
 */
@PartnerflowIntegrationTest
class DisputeProcessIT {

  @Autowired TestRestTemplate http;
  @Autowired PartnerBankAccounts bankAccounts;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired InboxTasks tasks;
  @Autowired BusinessTime time;
  @Autowired NotificationLog notifications;
  @Autowired InstructCorrectivePaymentWorker instructWorker;
  @Autowired RecordCorrectivePaymentWorker recordWorker;
  @Autowired IncreaseMdfApprovalWorker increaseWorker;
  @Autowired ResolveFailedCorrectivePaymentWorker failureWorker;
  @Autowired DisputeProperties properties;
  DisbursementDriver money;
  DisputeDriver driver;

  @BeforeEach
  void setUp() {
    money = new DisbursementDriver(http, partners, accounts, funds, tasks, time, bankAccounts);
    driver = new DisputeDriver(money, tasks);
    time.ensureDaysLeftInPeriod(20);
  }

  static List<String> actions(JsonNode dispute) {
    return StreamSupport.stream(dispute.get("history").spliterator(), false)
        .map(s -> s.get("action").asText())
        .toList();
  }

  List<FundMovement> disputeMovements(TestPartner partner, String requestId, String disputeId) {
    return funds.movements(partner.id(), partner.period(), "EUR").stream()
        .filter(m -> m.idempotencyKey() != null && m.idempotencyKey().contains(disputeId))
        .toList();
  }

  @Test
  void upholdingTheDecisionMovesNoMoney() {
    TestPartner partner = money.newPartner("50000.00");
    DecidedClaim claim = driver.rejectedClaim(partner);
    String id = driver.open(partner.user(), "CLAIM", claim.claimId(), "450.15", "EVIDENCE");

    JsonNode inReview = driver.awaitStatus(id, "IN_REVIEW");
    assertThat(inReview.get("holderGroup").asText()).isEqualTo("partner-managers");
    assertThat(Instant.parse(inReview.get("slaDueAt").asText())).isAfter(time.now());
    InboxTask review = driver.awaitTask(id, "ReviewDisputeTask");
    assertThat(review.getExcludedUsers()).containsExactly("frank");
    assertThat(review.getContextJson()).contains(id, partner.id(), claim.claimId());

    driver.review(
        "paula",
        id,
        "ReviewDisputeTask",
        "{\"decision\":\"UPHOLD\",\"reason\":\"Invoice unreadable indeed\"}");

    JsonNode resolved = driver.awaitStatus(id, "RESOLVED");
    assertThat(resolved.get("outcome").asText()).isEqualTo("UPHELD");
    assertThat(resolved.get("reason").asText()).isEqualTo("Invoice unreadable indeed");
    assertThat(resolved.has("settledAmount")).isFalse();
    assertThat(actions(resolved))
        .containsSubsequence(
            "OPENED", "TRIAGED", "REVIEW_ASSIGNED", "DECIDED_UPHOLD", "RESOLVED_UPHELD");
    assertThat(disputeMovements(partner, claim.requestId(), id)).isEmpty();
    money.assertLedgerBalances(partner);
  }

  @Test
  void anOverturnedMdfRejectionIsReservedAndDisbursed() {
    TestPartner partner = money.newPartner("50000.00");
    String requestId = driver.rejectedRequest(partner, "3000.00");
    String id = driver.open(partner.user(), "MDF_REQUEST", requestId, "3000.00", "ELIGIBILITY");

    InboxTask review = driver.awaitTask(id, "ReviewDisputeTask");
    assertThat(review.getExcludedUsers()).containsExactly("carol");
    driver.review(
        "paula",
        id,
        "ReviewDisputeTask",
        "{\"decision\":\"OVERTURN\",\"reason\":\"Fits the plan after all\"}");

    JsonNode resolved = driver.awaitStatus(id, "RESOLVED");
    assertThat(resolved.get("outcome").asText()).isEqualTo("OVERTURNED");
    assertThat(resolved.get("settledAmount").decimalValue()).isEqualByComparingTo("3000.00");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> money.request("erin", requestId).get("status").asText(),
            "IN_DISBURSEMENT"::equals);
    JsonNode request = money.request("erin", requestId);
    assertThat(request.get("approvedAmount").decimalValue()).isEqualByComparingTo("3000.00");
    String m1 = money.milestoneIds(requestId).get(0);
    money.awaitMilestone(requestId, m1, "CLAIMABLE");
    money.awaitTask(m1, "SubmitClaimTask");

    List<FundMovement> reserved = disputeMovements(partner, requestId, id);
    assertThat(reserved).hasSize(1);
    assertThat(reserved.get(0).type()).isEqualTo(LedgerEntryType.RESERVE);
    assertThat(reserved.get(0).amount().amount()).isEqualByComparingTo("3000.00");
    assertThat(reserved.get(0).reason()).contains(id);
    assertThat(money.assertLedgerBalances(partner).reserved()).isEqualByComparingTo("3000.00");

    // The first milestone (30 %: 900.00) claimed for 800.00 and paid: the PAY and the RELEASE of
    // the unclaimed 100.00 happen because the dispute reinstated the request, and say so.
    String claimId = money.claimMilestone(partner, m1, "800.00", "INV-" + id.substring(0, 8));
    money.awaitMilestone(requestId, m1, "CLAIMED");
    money.verify(m1, "frank", "{\"decision\":\"APPROVE\"}");
    String paymentId = money.awaitPayment(claimId).get("id").asText();
    money.batchPayment(paymentId);
    assertThat(money.confirm(paymentId, "REF-" + paymentId).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    money.awaitMilestone(requestId, m1, "PAID");
    List<FundMovement> paid = money.entries(partner, requestId, LedgerEntryType.PAY);
    List<FundMovement> released = money.entries(partner, requestId, LedgerEntryType.RELEASE);
    assertThat(paid).hasSize(1);
    assertThat(paid.get(0).amount().amount()).isEqualByComparingTo("800.00");
    assertThat(released).hasSize(1);
    assertThat(released.get(0).amount().amount()).isEqualByComparingTo("100.00");
    assertThat(paid.get(0).reason()).contains(paymentId).contains("dispute " + id);
    assertThat(released.get(0).reason()).contains("dispute " + id);
    assertThat(money.assertLedgerBalances(partner).paid()).isEqualByComparingTo("800.00");
  }

  @Test
  void aSettledReductionIsReservedOnceAndAddedToTheApproval() {
    TestPartner partner = money.newPartner("50000.00");
    String requestId = driver.reducedRequest(partner, "3000.00", "2000.00");
    assertThat(money.assertLedgerBalances(partner).reserved()).isEqualByComparingTo("2000.00");
    // What the reduction withheld is the most the partner may dispute.
    assertThat(
            driver
                .tryOpen(partner.user(), "MDF_REQUEST", requestId, "1000.01", "AMOUNT")
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    String id = driver.open(partner.user(), "MDF_REQUEST", requestId, "1000.00", "AMOUNT");
    assertThat(driver.awaitTask(id, "ReviewDisputeTask").getExcludedUsers())
        .containsExactly("carol");
    driver.review(
        "paula",
        id,
        "ReviewDisputeTask",
        "{\"decision\":\"SETTLE\",\"settledAmount\":600.00,\"reason\":\"Two channels more\"}");

    JsonNode resolved = driver.awaitStatus(id, "RESOLVED");
    assertThat(resolved.get("outcome").asText()).isEqualTo("SETTLED");
    assertThat(resolved.get("settledAmount").decimalValue()).isEqualByComparingTo("600.00");
    JsonNode request =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> money.request("erin", requestId),
                r -> r.get("approvedAmount").decimalValue().compareTo(new BigDecimal("2600")) == 0);
    assertThat(request.get("status").asText()).isEqualTo("IN_DISBURSEMENT");

    // The job delivered twice more: the same period, nothing reserved again, the approval as it
    // was.
    String period = partner.period().id();
    for (int i = 0; i < 2; i++) {
      Map<String, Object> again =
          increaseWorker.increaseMdfApproval(
              job(id, requestId, "600.00", Map.of("mdfRequestId", requestId)));
      assertThat(again.get("fundPeriod")).isEqualTo(period);
    }
    request = money.request("erin", requestId);
    assertThat(request.get("approvedAmount").decimalValue()).isEqualByComparingTo("2600.00");
    // The milestone flow disburses the new approval: the milestones' shares add up to it.
    BigDecimal shares = BigDecimal.ZERO;
    for (JsonNode m : request.get("milestones")) {
      shares = shares.add(m.get("amount").decimalValue());
    }
    assertThat(shares).isEqualByComparingTo("2600.00");
    assertThat(
            StreamSupport.stream(request.get("history").spliterator(), false)
                .filter(h -> h.get("action").asText().equals("DISPUTE_INCREASED")))
        .hasSize(1);

    List<FundMovement> reserved = disputeMovements(partner, requestId, id);
    assertThat(reserved).hasSize(1);
    assertThat(reserved.get(0).type()).isEqualTo(LedgerEntryType.RESERVE);
    assertThat(reserved.get(0).amount().amount()).isEqualByComparingTo("600.00");
    assertThat(reserved.get(0).reason()).contains(id);
    assertThat(money.assertLedgerBalances(partner).reserved()).isEqualByComparingTo("2600.00");
    assertThat(actions(driver.dispute("paula", id))).contains("RESOLVED_SETTLED");
  }

  ActivatedJob job(String disputeId, String claimId, String amount, Map<String, Object> extra) {
    Map<String, Object> variables =
        new java.util.HashMap<>(
            Map.of("disputeId", disputeId, "claimId", claimId, "settledAmount", amount));
    variables.putAll(extra);
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getVariablesAsMap()).thenReturn(variables);
    when(job.getElementId()).thenReturn("test-delivery");
    when(job.getElementInstanceKey()).thenReturn(1L);
    when(job.getProcessInstanceKey()).thenReturn(1L);
    return job;
  }

  @Test
  void anOverturnedClaimIsPaidCorrectivelyExactlyOnce() {
    TestPartner partner = money.newPartner("50000.00");
    DecidedClaim claim = driver.rejectedClaim(partner);
    String id = driver.open(partner.user(), "CLAIM", claim.claimId(), "450.15", "EVIDENCE");
    driver.review(
        "paula",
        id,
        "ReviewDisputeTask",
        "{\"decision\":\"OVERTURN\",\"reason\":\"The invoice is fine\"}");

    JsonNode payment = driver.awaitCorrectivePayment(id);
    String paymentId = payment.get("id").asText();
    assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("450.15");
    assertThat(payment.get("claimId").asText()).isEqualTo(claim.claimId());
    // The instruct job completed a second and a third time: the same payment, one reservation.
    for (int i = 0; i < 2; i++) {
      Map<String, Object> again =
          instructWorker.instructCorrectivePayment(job(id, claim.claimId(), "450.15", Map.of()));
      assertThat(again.get("correctivePaymentId")).isEqualTo(paymentId);
    }

    money.batchPayment(paymentId);
    assertThat(money.confirm(paymentId, "REF-" + paymentId).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> actions(driver.dispute("paula", id)), a -> a.contains("CORRECTIVE_PAYMENT_PAID"));
    // The record job completed once more.
    recordWorker.recordCorrectivePayment(
        job(
            id,
            claim.claimId(),
            "450.15",
            Map.of("correctivePaymentId", paymentId, "fundPeriod", partner.period().id())));

    List<FundMovement> moved = disputeMovements(partner, claim.requestId(), id);
    assertThat(moved)
        .extracting(FundMovement::type)
        .containsExactlyInAnyOrder(LedgerEntryType.RESERVE, LedgerEntryType.PAY);
    assertThat(moved).allSatisfy(m -> assertThat(m.reason()).contains(id));
    assertThat(moved)
        .allSatisfy(m -> assertThat(m.amount().amount()).isEqualByComparingTo("450.15"));
    assertThat(
            StreamSupport.stream(
                    DisbursementDriver.read(money.get("erin", "/api/payments").getBody())
                        .get("items")
                        .spliterator(),
                    false)
                .filter(p -> p.get("claimId").asText().equals(claim.claimId())))
        .as("payments of the claim: only the corrective one")
        .hasSize(1);
    assertThat(money.request("erin", claim.requestId()).get("paidAmount").decimalValue())
        .isEqualByComparingTo("450.15");
    assertThat(money.assertLedgerBalances(partner).paid()).isEqualByComparingTo("450.15");
  }

  /** A claim rejected by a verifier who is in finance too, disputed and overturned. */
  String overturnedClaimOf(TestPartner partner, String verifier, DecidedClaim[] claim) {
    claim[0] =
        driver.decidedClaim(
            partner,
            verifier,
            "{\"decision\":\"REJECT\",\"reason\":\"Invoice unreadable\"}",
            "REJECTED");
    String id = driver.open(partner.user(), "CLAIM", claim[0].claimId(), "450.15", "EVIDENCE");
    driver.review(
        "paula",
        id,
        "ReviewDisputeTask",
        "{\"decision\":\"OVERTURN\",\"reason\":\"The invoice is fine\"}");
    return id;
  }

  /** The bank refuses the batched corrective payment; finance's task, checked for SoD. */
  InboxTask refused(String id, String paymentId, String verifier) {
    money.batchPayment(paymentId);
    assertThat(money.fail(paymentId, "AC04 account closed").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    InboxTask failure = driver.awaitTask(id, "ResolveFailedCorrectivePaymentTask");
    assertThat(failure.getCandidateGroups()).containsExactly("finance");
    assertThat(failure.getFormKey()).isEqualTo("dispute-payment-failure");
    assertThat(failure.getContextJson()).contains(id);
    assertThat(failure.getExcludedUsers()).containsExactly(verifier);
    driver.assertExcluded(verifier, failure, "{\"failureDecision\":\"RETRY\"}");
    return failure;
  }

  @Test
  void aCorrectivePaymentTheBankRefusesIsRetriedByFinanceAndPaidOnce() {
    String verifier = DisputeDriver.newUser(accounts, "vfin", "marketing-ops", "finance");
    TestPartner partner = money.newPartner("50000.00");
    DecidedClaim[] claim = new DecidedClaim[1];
    String id = overturnedClaimOf(partner, verifier, claim);
    String paymentId = driver.awaitCorrectivePayment(id).get("id").asText();

    InboxTask failure = refused(id, paymentId, verifier);
    money.complete(
        "erin", failure, "{\"failureDecision\":\"RETRY\",\"failureNote\":\"IBAN corrected\"}");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> money.payment(paymentId),
            p -> p.get("status").asText().equals("INSTRUCTED") && p.get("attempt").asInt() == 2);
    // The retry delivered again for the failed attempt: the payment is not retried once more.
    for (int i = 0; i < 2; i++) {
      Map<String, Object> again =
          failureWorker.resolveFailedCorrectivePayment(
              job(
                  id,
                  claim[0].claimId(),
                  "450.15",
                  Map.of(
                      "correctivePaymentId",
                      paymentId,
                      "correctivePaymentAttempt",
                      1,
                      "failureDecision",
                      "RETRY",
                      "fundPeriod",
                      partner.period().id())));
      assertThat(again.get("correctivePaymentAttempt")).isEqualTo(2);
    }
    assertThat(money.payment(paymentId).get("status").asText()).isEqualTo("INSTRUCTED");

    money.batchPayment(paymentId);
    assertThat(money.confirm(paymentId, "REF-R-" + paymentId).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    JsonNode paid =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> driver.dispute("paula", id),
                d -> actions(d).contains("CORRECTIVE_PAYMENT_PAID"));
    assertThat(actions(paid))
        .containsSubsequence(
            "CORRECTIVE_PAYMENT_INSTRUCTED",
            "CORRECTIVE_PAYMENT_RETRIED",
            "CORRECTIVE_PAYMENT_PAID");
    assertThat(
            StreamSupport.stream(
                    DisbursementDriver.read(money.get("erin", "/api/payments").getBody())
                        .get("items")
                        .spliterator(),
                    false)
                .filter(p -> p.get("claimId").asText().equals(claim[0].claimId())))
        .as("one payment for the claim, paid once")
        .hasSize(1);
    assertThat(disputeMovements(partner, claim[0].requestId(), id))
        .extracting(FundMovement::type)
        .containsExactlyInAnyOrder(LedgerEntryType.RESERVE, LedgerEntryType.PAY);
    assertThat(money.assertLedgerBalances(partner).paid()).isEqualByComparingTo("450.15");
  }

  @Test
  void aCorrectivePaymentFinanceCancelsReleasesItsReservation() {
    String verifier = DisputeDriver.newUser(accounts, "vfin", "marketing-ops", "finance");
    TestPartner partner = money.newPartner("50000.00");
    DecidedClaim[] claim = new DecidedClaim[1];
    String id = overturnedClaimOf(partner, verifier, claim);
    String paymentId = driver.awaitCorrectivePayment(id).get("id").asText();
    // The request's reservation, with the corrective payment's 450.15 in it.
    BigDecimal reservedBefore = money.assertLedgerBalances(partner).reserved();

    money.complete(
        "erin",
        refused(id, paymentId, verifier),
        "{\"failureDecision\":\"CANCEL\",\"failureNote\":\"Partner closed the account\"}");
    JsonNode cancelled =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> driver.dispute("paula", id),
                d -> actions(d).contains("CORRECTIVE_PAYMENT_CANCELLED"));
    assertThat(cancelled.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(cancelled.get("outcome").asText()).isEqualTo("OVERTURNED");
    assertThat(money.payment(paymentId).get("status").asText()).isEqualTo("FAILED");
    List<FundMovement> moved = disputeMovements(partner, claim[0].requestId(), id);
    assertThat(moved)
        .extracting(FundMovement::type)
        .containsExactlyInAnyOrder(LedgerEntryType.RESERVE, LedgerEntryType.RELEASE);
    assertThat(moved).allSatisfy(m -> assertThat(m.reason()).contains(id));
    // The cancellation delivered again releases nothing more.
    failureWorker.resolveFailedCorrectivePayment(
        job(
            id,
            claim[0].claimId(),
            "450.15",
            Map.of(
                "correctivePaymentId",
                paymentId,
                "correctivePaymentAttempt",
                1,
                "failureDecision",
                "CANCEL",
                "fundPeriod",
                partner.period().id())));
    assertThat(disputeMovements(partner, claim[0].requestId(), id)).hasSize(2);
    FundBalance balance = money.assertLedgerBalances(partner);
    assertThat(balance.reserved())
        .isEqualByComparingTo(reservedBefore.subtract(new BigDecimal("450.15")));
    assertThat(balance.paid()).isZero();
  }

  @Test
  void anOverturnWhoseFundsAreShortGoesToFinanceAndRunsAgain() {
    String decider = DisputeDriver.newUser(accounts, "cfin", "channel-managers", "finance");
    TestPartner partner = money.newPartner("50000.00");
    String requestId = money.submit(partner, "Short " + partner.user(), "3000.00");
    InboxTask mdfReview =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> money.openTasks(requestId, "ReviewMdfRequestTask").stream().findFirst(),
                t -> t.isPresent())
            .orElseThrow();
    money.complete(decider, mdfReview, "{\"decision\":\"REJECT\",\"reason\":\"No\"}");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> money.request("erin", requestId).get("status").asText(), "REJECTED"::equals);
    // Everything but 1000.00 is reserved elsewhere: the overturn's 3000.00 is not covered.
    FundBalance before = money.assertLedgerBalances(partner);
    Money blocked = Money.of(before.available().subtract(new BigDecimal("1000.00")), "EUR");
    LedgerMovement blocker =
        LedgerMovement.of(partner.id(), partner.period(), blocked)
            .forReference("test:blocker:" + requestId)
            .by("test");
    funds.reserve(blocker.withKey("test:blocker:" + requestId + ":reserve"));

    String id = driver.open(partner.user(), "MDF_REQUEST", requestId, "3000.00", "ELIGIBILITY");
    driver.review(
        "paula", id, "ReviewDisputeTask", "{\"decision\":\"OVERTURN\",\"reason\":\"Fits\"}");
    InboxTask allocate = driver.awaitTask(id, "AllocateDisputeFundsTask");
    assertThat(allocate.getCandidateGroups()).containsExactly("finance");
    assertThat(allocate.getExcludedUsers()).containsExactly(decider);
    driver.assertExcluded(decider, allocate, "{}");
    JsonNode shortOfFunds = driver.dispute("paula", id);
    assertThat(shortOfFunds.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(actions(shortOfFunds)).containsOnlyOnce("FUNDS_INSUFFICIENT");
    assertThat(money.request("erin", requestId).get("status").asText()).isEqualTo("REJECTED");
    assertThat(disputeMovements(partner, requestId, id)).isEmpty();

    // Finance frees the funds, then completes the task: the approval runs again and reserves.
    funds.release(blocker.withKey("test:blocker:" + requestId + ":release"));
    money.complete("erin", allocate, "{\"shortfallNote\":\"Freed the blocked budget\"}");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> money.request("erin", requestId).get("status").asText(),
            "IN_DISBURSEMENT"::equals);
    List<FundMovement> reserved = disputeMovements(partner, requestId, id);
    assertThat(reserved).hasSize(1);
    assertThat(reserved.get(0).amount().amount()).isEqualByComparingTo("3000.00");
    assertThat(money.assertLedgerBalances(partner).reserved()).isEqualByComparingTo("3000.00");
  }

  @Test
  void aPartialSettlementPaysTheSettledAmount() {
    TestPartner partner = money.newPartner("50000.00");
    DecidedClaim claim =
        driver.decidedClaim(
            partner,
            "{\"decision\":\"APPROVE_PARTIAL\",\"approvedAmount\":300.00,\"reason\":\"Capped\"}",
            "VERIFIED");
    // At most what the decision withheld (150.15) may be disputed.
    assertThat(
            driver
                .tryOpen(partner.user(), "CLAIM", claim.claimId(), "200.00", "AMOUNT")
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    String id = driver.open(partner.user(), "CLAIM", claim.claimId(), "150.15", "AMOUNT");
    InboxTask review = driver.awaitTask(id, "ReviewDisputeTask");

    var tooMuch =
        money.tryComplete(
            "paula",
            review,
            "{\"decision\":\"SETTLE\",\"settledAmount\":150.16,\"reason\":\"Half\"}");
    assertThat(tooMuch.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooMuch.getBody()).contains("settledAmount");
    var noReason =
        money.tryComplete(
            "paula", review, "{\"decision\":\"SETTLE\",\"settledAmount\":100.00,\"reason\":\" \"}");
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody()).contains("reason");
    money.complete(
        "paula",
        review,
        "{\"decision\":\"SETTLE\",\"settledAmount\":100.00,\"reason\":\"Half the venue\"}");

    JsonNode resolved = driver.awaitStatus(id, "RESOLVED");
    assertThat(resolved.get("outcome").asText()).isEqualTo("SETTLED");
    assertThat(resolved.get("settledAmount").decimalValue()).isEqualByComparingTo("100.00");
    JsonNode payment = driver.awaitCorrectivePayment(id);
    assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("100.00");
    money.assertLedgerBalances(partner);
  }

  @Test
  void theInformationLoopGoesBackToTheReview() {
    TestPartner partner = money.newPartner("50000.00");
    DecidedClaim claim = driver.rejectedClaim(partner);
    String id = driver.open(partner.user(), "CLAIM", claim.claimId(), "450.15", "EVIDENCE");
    driver.review(
        "paula",
        id,
        "ReviewDisputeTask",
        "{\"decision\":\"REQUEST_INFO\",\"reason\":\"Send the attendee list\"}");

    JsonNode waiting = driver.awaitStatus(id, "INFO_REQUESTED");
    assertThat(waiting.get("holderGroup").asText()).isEqualTo("partner");
    InboxTask question = driver.awaitTask(id, "ProvideInformationTask");
    assertThat(question.getPartnerId()).isEqualTo(partner.id());
    money.complete(partner.user(), question, "{\"information\":\"Attached the list\"}");

    JsonNode back = driver.awaitStatus(id, "IN_REVIEW");
    assertThat(back.get("holderGroup").asText()).isEqualTo("partner-managers");
    driver.review(
        "paula",
        id,
        "ReviewDisputeTask",
        "{\"decision\":\"UPHOLD\",\"reason\":\"The list does not help\"}");
    JsonNode resolved = driver.awaitStatus(id, "RESOLVED");
    assertThat(actions(resolved))
        .containsSubsequence(
            "DECIDED_REQUEST_INFO",
            "INFO_REQUESTED",
            "INFO_PROVIDED",
            "DECIDED_UPHOLD",
            "RESOLVED_UPHELD");
  }

  @Test
  void slaBreachesEscalateOnceAndThenMailTheSteeringCommittee() {
    TestPartner partner = money.newPartner("50000.00");
    DecidedClaim claim = driver.rejectedClaim(partner);
    String id = driver.open(partner.user(), "CLAIM", claim.claimId(), "450.15", "EVIDENCE");
    JsonNode inReview = driver.awaitStatus(id, "IN_REVIEW");
    driver.awaitTask(id, "ReviewDisputeTask");

    time.moveTo(Instant.parse(inReview.get("slaDueAt").asText()).plus(Duration.ofMinutes(1)));
    JsonNode escalated = driver.awaitStatus(id, "ESCALATED");
    assertThat(escalated.get("holderGroup").asText()).isEqualTo("executive-sponsors");
    InboxTask escalatedReview = driver.awaitTask(id, "EscalatedReviewTask");
    assertThat(escalatedReview.getCandidateGroups()).containsExactly("executive-sponsors");
    assertThat(escalatedReview.getExcludedUsers()).containsExactly("frank");
    assertThat(actions(escalated)).containsOnlyOnce("SLA_BREACHED");

    time.moveTo(Instant.parse(escalated.get("slaDueAt").asText()).plus(Duration.ofMinutes(1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> actions(driver.dispute("paula", id)),
            a -> a.contains("STEERING_COMMITTEE_NOTIFIED"));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                notifications.findAll().stream()
                    .filter(n -> n.getRecipient().equals(properties.steeringCommitteeAddress()))
                    .filter(n -> n.getIdempotencyKey().contains(id))
                    .filter(n -> n.getStatus() == NotificationRecord.Status.SENT)
                    .count(),
            c -> c == 1);
    JsonNode stillEscalated = driver.dispute("paula", id);
    assertThat(stillEscalated.get("status").asText()).isEqualTo("ESCALATED");
    assertThat(stillEscalated.get("holderGroup").asText()).isEqualTo("executive-sponsors");
    assertThat(actions(stillEscalated)).containsOnlyOnce("SLA_BREACHED");

    money.complete(
        "grace",
        escalatedReview,
        "{\"decision\":\"UPHOLD\",\"reason\":\"The rules were applied\"}");
    JsonNode resolved = driver.awaitStatus(id, "RESOLVED");
    assertThat(resolved.get("outcome").asText()).isEqualTo("UPHELD");
  }

  @Test
  void theReviewerEscalatesToTheExecutiveSponsor() {
    TestPartner partner = money.newPartner("50000.00");
    DecidedClaim claim = driver.rejectedClaim(partner);
    String id = driver.open(partner.user(), "CLAIM", claim.claimId(), "450.15", "OTHER");
    driver.review(
        "paula",
        id,
        "ReviewDisputeTask",
        "{\"decision\":\"ESCALATE\",\"reason\":\"Policy question\"}");
    JsonNode escalated = driver.awaitStatus(id, "ESCALATED");
    assertThat(actions(escalated)).contains("ESCALATED").doesNotContain("SLA_BREACHED");
    driver.review(
        "grace",
        id,
        "EscalatedReviewTask",
        "{\"decision\":\"SETTLE\",\"settledAmount\":200.00,\"reason\":\"Meet halfway\"}");
    JsonNode resolved = driver.awaitStatus(id, "RESOLVED");
    assertThat(resolved.get("outcome").asText()).isEqualTo("SETTLED");
    assertThat(driver.awaitCorrectivePayment(id).get("amount").decimalValue())
        .isEqualByComparingTo("200.00");
  }

  @Test
  void aLatePaymentsResolutionRecordsWhatFinanceCommittedTo() {
    TestPartner partner = money.newPartner("50000.00");
    DecidedClaim claim = driver.decidedClaim(partner, "{\"decision\":\"APPROVE\"}", "VERIFIED");
    String paymentId = money.awaitPayment(claim.claimId()).get("id").asText();
    // Not late yet: the DMN's paymentLateAfter (10 days) has not passed.
    assertThat(
            driver
                .tryOpen(partner.user(), "PAYMENT", paymentId, "450.15", "TIMELINESS")
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);

    time.move(Duration.ofDays(11));
    String id = driver.open(partner.user(), "PAYMENT", paymentId, "450.15", "TIMELINESS");
    InboxTask review = driver.awaitTask(id, "ReviewDisputeTask");
    assertThat(review.getExcludedUsers()).containsExactly("frank");
    assertThat(review.getContextJson()).contains(paymentId);
    money.complete(
        "paula",
        review,
        "{\"decision\":\"OVERTURN\",\"reason\":\"Finance pays it in Friday's run\"}");

    JsonNode resolved = driver.awaitStatus(id, "RESOLVED");
    assertThat(resolved.get("outcome").asText()).isEqualTo("OVERTURNED");
    assertThat(resolved.get("financeCommitment").asText())
        .isEqualTo("Finance pays it in Friday's run");
    assertThat(resolved.has("correctivePaymentId")).isFalse();
    assertThat(disputeMovements(partner, claim.requestId(), id)).isEmpty();
    money.assertLedgerBalances(partner);
  }
}
