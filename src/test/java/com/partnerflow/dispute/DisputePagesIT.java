package com.partnerflow.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import com.partnerflow.disbursement.DisbursementDriver;
import com.partnerflow.disbursement.DisbursementDriver.TestPartner;
import com.partnerflow.dispute.DisputeDriver.DecidedClaim;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.InboxTasks;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dispute pages over HTTP with signed-in sessions: the subject's page links the dispute form,
 * the form page posts (as its script does) to {@code POST /api/disputes}, the dispute's page shows
 * status, holder, due date, outcome and history, and the partner withdraws from it. Another
 * partner's dispute and subject are the 404 page.
 */
@PartnerflowIntegrationTest
class DisputePagesIT {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired PartnerBankAccounts bankAccounts;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired InboxTasks tasks;
  @Autowired BusinessTime time;
  DisbursementDriver money;
  DisputeDriver driver;

  @BeforeEach
  void setUp() {
    money = new DisbursementDriver(http, partners, accounts, funds, tasks, time, bankAccounts);
    driver = new DisputeDriver(money, tasks);
    time.ensureDaysLeftInPeriod(10);
  }

  @Test
  void thePartnerDisputesARejectionFromTheRequestPageFollowsAndWithdrawsIt() {
    TestPartner partner = money.newPartner("20000.00");
    String requestId = driver.rejectedRequest(partner, "1000.00");
    UiSession session = UiSession.signIn(port, partner.user());

    // The rejected request's page links the form; the top bar links the disputes.
    String requestPage = session.get("/mdf-requests/" + requestId).body();
    assertThat(requestPage)
        .contains("id=\"dispute-request\"")
        .contains("/disputes/new?subjectType=MDF_REQUEST&amp;subjectId=" + requestId)
        .contains("href=\"/disputes\"");
    String formPath = "/disputes/new?subjectType=MDF_REQUEST&subjectId=" + requestId;
    var form = session.get(formPath);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains("id=\"dispute-form\"")
        .contains("data-subject-id=\"" + requestId + "\"")
        .contains("&quot;key&quot;: &quot;disputedAmount&quot;")
        .contains("/js/dispute-form.js")
        .contains("id=\"dispute-files\"")
        .containsPattern("You may dispute up to [^<]*1,000\\.00")
        .doesNotContain("id=\"dispute-refused\"");
    // Another partner and internal users get the 404 page for the form.
    TestPartner other = money.newPartner("10.00");
    UiSession otherSession = UiSession.signIn(port, other.user());
    assertThat(otherSession.get(formPath).statusCode()).isEqualTo(404);
    assertThat(UiSession.signIn(port, "paula").get(formPath).statusCode()).isEqualTo(404);

    // The form's script posts JSON; a blank explanation is named as the field the form has.
    String json =
        """
        {"subjectType":"MDF_REQUEST","subjectId":"%s","disputedAmount":%s,"category":"ELIGIBILITY",
         "explanation":"%s"}""";
    var blank =
        session.postJson("/api/disputes", json.formatted(requestId, "400.00", " "), formPath);
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.body()).contains("\"field\":\"explanation\"");
    var opened =
        session.postJson(
            "/api/disputes", json.formatted(requestId, "400.00", "It was in the plan"), formPath);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String id = DisbursementDriver.read(opened.body()).get("id").asText();
    driver.awaitStatus(id, "IN_REVIEW");

    var page = session.get("/disputes/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("data-dispute-id=\"" + id + "\"")
        .contains("id=\"dispute-heading\">Dispute: MDF request “Disputed " + partner.user() + "”<")
        .doesNotContain("id=\"dispute-evidence\"")
        .contains("id=\"dispute-status\">IN_REVIEW<")
        .contains("id=\"dispute-holder\">partner-managers<")
        .contains("id=\"dispute-due\"")
        .contains("href=\"/mdf-requests/" + requestId + "\"")
        .contains("data-action=\"OPENED\"")
        .contains("It was in the plan")
        .contains("id=\"dispute-withdraw\"")
        .doesNotContain("id=\"dispute-outcome\"");
    assertThat(session.get("/disputes").body()).contains("href=\"/disputes/" + id + "\"");
    // The subject has an open dispute now: the form page says so instead of showing the form.
    assertThat(session.get(formPath).body())
        .contains("id=\"dispute-refused\"")
        .contains("already has an open dispute")
        .contains("href=\"/disputes/" + id + "\"")
        .doesNotContain("id=\"dispute-form\"");
    // Another partner's dispute is the 404 page; internal users read it without withdrawing.
    assertThat(otherSession.get("/disputes/" + id).statusCode()).isEqualTo(404);
    assertThat(otherSession.get("/disputes").body()).doesNotContain(id);
    var internal = UiSession.signIn(port, "paula").get("/disputes/" + id);
    assertThat(internal.statusCode()).isEqualTo(200);
    assertThat(internal.body())
        .contains("id=\"dispute-status\"")
        .contains("href=\"/disputes\"")
        .doesNotContain("id=\"dispute-withdraw\"");
    assertThat(otherSession.post("/disputes/" + id + "/withdraw", "", "/disputes").statusCode())
        .isEqualTo(404);
    assertThat(driver.dispute("paula", id).get("status").asText()).isEqualTo("IN_REVIEW");

    var withdrawn = session.post("/disputes/" + id + "/withdraw", "", "/disputes/" + id);
    assertThat(withdrawn.statusCode()).isEqualTo(302);
    assertThat(withdrawn.headers().firstValue("Location").orElse("")).endsWith("/disputes/" + id);
    assertThat(session.get("/disputes/" + id).body())
        .contains("You withdrew the dispute")
        .contains("id=\"dispute-status\">WITHDRAWN<")
        .contains("data-action=\"WITHDRAWN\"")
        .doesNotContain("id=\"dispute-withdraw\"");
    assertThat(driver.dispute(partner.user(), id).get("status").asText()).isEqualTo("WITHDRAWN");
    var again = session.post("/disputes/" + id + "/withdraw", "", "/disputes/" + id);
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(session.get("/disputes/" + id).body())
        .contains("id=\"flash-error\"")
        .contains("is WITHDRAWN");
  }

  @Test
  void thePartnerDisputesARejectedClaimFromTheRequestPageAndReadsTheSettlement() {
    TestPartner partner = money.newPartner("20000.00");
    DecidedClaim claim = driver.rejectedClaim(partner);
    UiSession session = UiSession.signIn(port, partner.user());
    assertThat(session.get("/mdf-requests/" + claim.requestId()).body())
        .contains("class=\"dispute-claim\"")
        .contains("/disputes/new?subjectType=CLAIM&amp;subjectId=" + claim.claimId())
        .doesNotContain("id=\"dispute-request\"");
    String formPath = "/disputes/new?subjectType=CLAIM&subjectId=" + claim.claimId();
    assertThat(session.get(formPath).body())
        .contains("data-subject-type=\"CLAIM\"")
        .containsPattern("You may dispute up to [^<]*450\\.15");
    // An auto-approved request granted in full is no disputable decision: the page says why.
    assertThat(session.get("/disputes/new?subjectType=MDF_REQUEST&subjectId=" + claim.requestId()))
        .satisfies(
            r -> {
              assertThat(r.statusCode()).isEqualTo(200);
              assertThat(r.body())
                  .contains("id=\"dispute-refused\"")
                  .doesNotContain("id=\"dispute-form\"");
            });

    var opened =
        session.postJson(
            "/api/disputes",
            """
            {"subjectType":"CLAIM","subjectId":"%s","disputedAmount":450.15,"category":"EVIDENCE",
             "explanation":"The invoice is readable"}"""
                .formatted(claim.claimId()),
            formPath);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String id = DisbursementDriver.read(opened.body()).get("id").asText();
    driver.review(
        "paula",
        id,
        "ReviewDisputeTask",
        "{\"decision\":\"SETTLE\",\"settledAmount\":300.00,\"reason\":\"Two of three invoices"
            + " hold\"}");
    driver.awaitStatus(id, "RESOLVED");

    String page = session.get("/disputes/" + id).body();
    assertThat(page)
        .containsPattern("id=\"dispute-heading\">Dispute: Claim of [^<]*450\\.15<")
        .contains("id=\"dispute-status\">RESOLVED<")
        .contains("id=\"dispute-outcome\">SETTLED<")
        .containsPattern("id=\"dispute-settled\">[^<]*300\\.00")
        .contains("id=\"dispute-reason\">Two of three invoices hold<")
        .contains("data-action=\"RESOLVED_SETTLED\"")
        .doesNotContain("id=\"dispute-withdraw\"")
        .doesNotContain("paula");
  }

  /**
   * A verified claim's payment is listed on the request (API and page); the page links the payment
   * dispute for the partner only, the form refuses until the payment is late, and the dispute's
   * page names the payment by its amount.
   */
  @Test
  void thePartnerDisputesALatePaymentFromTheRequestPage() {
    TestPartner partner = money.newPartner("20000.00");
    DecidedClaim claim = driver.decidedClaim(partner, "{\"decision\":\"APPROVE\"}", "VERIFIED");
    String paymentId = money.awaitPayment(claim.claimId()).get("id").asText();
    JsonNode milestone =
        StreamSupport.stream(
                money.request(partner.user(), claim.requestId()).get("milestones").spliterator(),
                false)
            .filter(m -> claim.claimId().equals(m.path("claimId").asText(null)))
            .findFirst()
            .orElseThrow();
    assertThat(milestone.get("paymentId").asText()).isEqualTo(paymentId);
    assertThat(milestone.get("paymentStatus").asText()).isNotEqualTo("CONFIRMED");

    UiSession session = UiSession.signIn(port, partner.user());
    String link = "/disputes/new?subjectType=PAYMENT&amp;subjectId=" + paymentId;
    assertThat(session.get("/mdf-requests/" + claim.requestId()).body())
        .contains("class=\"dispute-payment\"")
        .contains(link)
        .contains("Dispute this payment");
    assertThat(UiSession.signIn(port, "paula").get("/mdf-requests/" + claim.requestId()).body())
        .doesNotContain(link);

    String formPath = "/disputes/new?subjectType=PAYMENT&subjectId=" + paymentId;
    assertThat(session.get(formPath).body())
        .contains("id=\"dispute-refused\"")
        .contains("is not late")
        .doesNotContain("id=\"dispute-form\"");
    time.move(Duration.ofDays(11));
    assertThat(session.get(formPath).body())
        .contains("id=\"dispute-form\"")
        .contains("data-subject-type=\"PAYMENT\"");

    var opened =
        session.postJson(
            "/api/disputes",
            """
            {"subjectType":"PAYMENT","subjectId":"%s","disputedAmount":450.15,
             "category":"TIMELINESS","explanation":"Still not on our account"}"""
                .formatted(paymentId),
            formPath);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String id = DisbursementDriver.read(opened.body()).get("id").asText();
    assertThat(session.get("/disputes/" + id).body())
        .containsPattern("id=\"dispute-heading\">Dispute: Payment of [^<]*450\\.15<");
  }
}
