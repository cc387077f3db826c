package com.partnerflow.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.disbursement.DisbursementDriver;
import com.partnerflow.disbursement.DisbursementDriver.TestPartner;
import com.partnerflow.dispute.DisputeDriver.DecidedClaim;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundMovement;
import com.partnerflow.fund.LedgerEntryType;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.notification.NotificationLog;
import com.partnerflow.notification.NotificationRecord;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.InboxTasks;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The journey through the public API: marketing operations reject a partner's claim, the partner
 * disputes it, follows who holds it and until when, a partner manager settles for part of it, the
 * corrective payment goes through finance's payment run and confirmation, and the ledger adds up.
 */
@PartnerflowIntegrationTest
class DisputeJourneyIT {

  @Autowired TestRestTemplate http;
  @Autowired PartnerBankAccounts bankAccounts;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired InboxTasks tasks;
  @Autowired BusinessTime time;
  @Autowired NotificationLog notifications;

  @BeforeEach
  void setUp() {
    time.ensureDaysLeftInPeriod(10);
  }

  @Test
  void aDisputedClaimIsSettledAndPaid() {
    var money = new DisbursementDriver(http, partners, accounts, funds, tasks, time, bankAccounts);
    var driver = new DisputeDriver(money, tasks);
    TestPartner partner = money.newPartner("20000.00");
    DecidedClaim claim = driver.rejectedClaim(partner);
    var before = money.assertLedgerBalances(partner);

    String id = driver.open(partner.user(), "CLAIM", claim.claimId(), "450.15", "EVIDENCE");
    JsonNode followed =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> driver.dispute(partner.user(), id),
                d -> d.get("status").asText().equals("IN_REVIEW"));
    assertThat(followed.get("holderGroup").asText()).isEqualTo("partner-managers");
    assertThat(Instant.parse(followed.get("slaDueAt").asText())).isAfter(time.now());
    assertThat(followed.toString()).doesNotContain("frank");

    driver.review(
        "paula",
        id,
        "ReviewDisputeTask",
        "{\"decision\":\"SETTLE\",\"settledAmount\":300.00,\"reason\":\"Two of three invoices hold\"}");
    JsonNode resolved =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> driver.dispute(partner.user(), id),
                d -> d.get("status").asText().equals("RESOLVED"));
    assertThat(resolved.get("outcome").asText()).isEqualTo("SETTLED");
    assertThat(resolved.get("settledAmount").decimalValue()).isEqualByComparingTo("300.00");
    assertThat(resolved.get("reason").asText()).isEqualTo("Two of three invoices hold");
    assertThat(resolved.toString()).doesNotContain("paula");

    String paymentId = driver.awaitCorrectivePayment(id).get("id").asText();
    money.batchPayment(paymentId);
    assertThat(money.confirm(paymentId, "BANK-" + paymentId).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> money.request(partner.user(), claim.requestId()).get("paidAmount").decimalValue(),
            paid -> paid.compareTo(new java.math.BigDecimal("300.00")) == 0);

    var after = money.assertLedgerBalances(partner);
    assertThat(after.paid().subtract(before.paid())).isEqualByComparingTo("300.00");
    assertThat(after.reserved()).isEqualByComparingTo(before.reserved());
    assertThat(money.entries(partner, claim.requestId(), LedgerEntryType.PAY))
        .extracting(FundMovement::idempotencyKey)
        .containsExactly("dispute:" + id + ":pay");
    String email = partner.user() + "@" + partner.user() + ".example";
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                notifications.findAll().stream()
                    .filter(n -> n.getRecipient().equals(email))
                    .filter(n -> n.getTemplate().equals("dispute-status"))
                    .filter(n -> n.getStatus() == NotificationRecord.Status.SENT)
                    .count(),
            c -> c >= 2);
  }
}
