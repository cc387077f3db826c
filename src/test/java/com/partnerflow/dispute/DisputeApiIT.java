package com.partnerflow.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import com.partnerflow.task.TaskState;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code /api/disputes} and the inbox's separation of duties through the API: bad input is refused
 * precisely with nothing written, other partners' subjects are not found, excluded users get 403 on
 * every dispute task type, the partner withdraws, internal users read the statistics.
 */
@PartnerflowIntegrationTest
class DisputeApiIT {

  static final String OVERTURN = "{\"decision\":\"OVERTURN\",\"reason\":\"Mine\"}";

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

  int visibleDisputes(String user) {
    return DisbursementDriver.read(money.get(user, "/api/disputes").getBody()).get("total").asInt();
  }

  boolean listed(String user, InboxTask task) {
    JsonNode page = DisbursementDriver.read(money.get(user, "/api/tasks?size=200").getBody());
    return StreamSupport.stream(page.get("items").spliterator(), false)
        .anyMatch(t -> t.get("id").asLong() == task.getId());
  }

  static void assertProblem(ResponseEntity<String> response, HttpStatus status, String field) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString())
        .contains("application/problem+json");
    if (field != null) {
      assertThat(response.getBody()).contains("\"" + field + "\"");
    }
  }

  /**
   * A decider in every group a dispute task can go to: they reject the request, and are excluded
   * from the review (partner-managers) and the escalated review (executive-sponsors).
   */
  @Test
  void whoTookPartInTheDecisionCanNeitherClaimNorCompleteAnyDisputeTask() {
    String decider =
        DisputeDriver.newUser(
            accounts, "sod", "channel-managers", "partner-managers", "executive-sponsors");
    TestPartner partner = money.newPartner("50000.00");
    String requestId = money.submit(partner, "SoD " + partner.user(), "3000.00");
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
    String id = driver.open(partner.user(), "MDF_REQUEST", requestId, "3000.00", "ELIGIBILITY");

    for (String element : new String[] {"ReviewDisputeTask", "EscalatedReviewTask"}) {
      InboxTask task = driver.awaitTask(id, element);
      assertThat(task.getExcludedUsers()).as(element).containsExactly(decider);
      driver.assertExcluded(decider, task, OVERTURN);
      assertProblem(
          money.post(
              "admin",
              "/api/tasks/" + task.getId() + "/assign",
              "{\"assignee\":\"" + decider + "\"}"),
          HttpStatus.BAD_REQUEST,
          "assignee");
      InboxTask unchanged = tasks.findById(task.getId()).orElseThrow();
      assertThat(unchanged.getState()).isEqualTo(TaskState.OPEN);
      assertThat(unchanged.getAssignee()).isNull();
      String colleague = element.equals("ReviewDisputeTask") ? "paula" : "grace";
      assertThat(listed(colleague, task)).as(element + " listed for " + colleague).isTrue();
      money.complete(
          colleague,
          task,
          element.equals("ReviewDisputeTask")
              ? "{\"decision\":\"ESCALATE\",\"reason\":\"For the sponsor\"}"
              : "{\"decision\":\"UPHOLD\",\"reason\":\"The rules were applied\"}");
    }
    assertThat(driver.awaitStatus(id, "RESOLVED").get("outcome").asText()).isEqualTo("UPHELD");
  }

  /**
   * A claim verified twice, by different people (the first asked for evidence, the second rejected
   * it): both took part in the disputed decision, both are excluded from the dispute's review.
   */
  @Test
  void everyVerifierOfTheClaimIsExcludedNotOnlyTheLast() {
    String[] groups = {"marketing-ops", "partner-managers", "executive-sponsors"};
    String first = DisputeDriver.newUser(accounts, "ver1", groups);
    String second = DisputeDriver.newUser(accounts, "ver2", groups);
    TestPartner partner = money.newPartner("50000.00");
    String requestId = money.submit(partner, "Verified twice " + partner.user(), "1500.50");
    money.approveAll(requestId);
    String m1 = money.milestoneIds(requestId).get(0);
    money.awaitMilestone(requestId, m1, "CLAIMABLE");
    String claimId = money.claimMilestone(partner, m1, "450.15", "INV-" + first);
    money.awaitMilestone(requestId, m1, "CLAIMED");
    money.verify(m1, first, "{\"decision\":\"REQUEST_EVIDENCE\",\"reason\":\"Attendees?\"}");
    money.complete(
        partner.user(),
        money.awaitTask(m1, "ProvideEvidenceTask"),
        DisbursementDriver.claim("450.15", "INV-" + second));
    money.verify(m1, second, "{\"decision\":\"REJECT\",\"reason\":\"Still no list\"}");
    money.awaitMilestone(requestId, m1, "REJECTED");

    String id = driver.open(partner.user(), "CLAIM", claimId, "450.15", "EVIDENCE");
    InboxTask review = driver.awaitTask(id, "ReviewDisputeTask");
    assertThat(review.getExcludedUsers()).containsExactlyInAnyOrder(first, second);
    driver.assertExcluded(first, review, OVERTURN);
    driver.assertExcluded(second, review, OVERTURN);
    assertThat(tasks.findById(review.getId()).orElseThrow().getState()).isEqualTo(TaskState.OPEN);
    money.complete(
        "paula", review, "{\"decision\":\"UPHOLD\",\"reason\":\"Evidence missing twice\"}");
    assertThat(driver.awaitStatus(id, "RESOLVED").get("outcome").asText()).isEqualTo("UPHELD");
  }

  @Test
  void badInputIsRefusedPreciselyAndNothingIsWritten() {
    TestPartner partner = money.newPartner("50000.00");
    TestPartner other = money.newPartner("50000.00");
    DecidedClaim claim = driver.rejectedClaim(partner);
    int before = visibleDisputes("paula");

    assertProblem(
        driver.tryOpen("paula", "CLAIM", claim.claimId(), "10.00", "AMOUNT"),
        HttpStatus.FORBIDDEN,
        null);
    assertProblem(
        driver.tryOpen(other.user(), "CLAIM", claim.claimId(), "10.00", "AMOUNT"),
        HttpStatus.NOT_FOUND,
        null);
    assertProblem(
        driver.tryOpen(partner.user(), "CLAIM", UUID.randomUUID().toString(), "10.00", "AMOUNT"),
        HttpStatus.NOT_FOUND,
        null);
    assertProblem(
        driver.tryOpen(partner.user(), "CLAIM", claim.claimId(), "450.16", "AMOUNT"),
        HttpStatus.BAD_REQUEST,
        "disputedAmount");
    assertProblem(
        driver.tryOpen(partner.user(), "CLAIM", claim.claimId(), "-1", "AMOUNT"),
        HttpStatus.BAD_REQUEST,
        "disputedAmount");
    assertProblem(
        driver.tryOpen(partner.user(), "CLAIM", claim.claimId(), "10.00", "MOOD"),
        HttpStatus.BAD_REQUEST,
        null);
    var noExplanation =
        money.post(
            partner.user(),
            "/api/disputes",
            "{\"subjectType\":\"CLAIM\",\"subjectId\":\""
                + claim.claimId()
                + "\",\"disputedAmount\":10,\"category\":\"AMOUNT\",\"explanation\":\" \"}");
    assertProblem(noExplanation, HttpStatus.BAD_REQUEST, "explanation");
    // A request approved in full has no decision to dispute.
    String approved = money.submit(other, "Full " + other.user(), "1500.50");
    money.approveAll(approved);
    assertProblem(
        driver.tryOpen(other.user(), "MDF_REQUEST", approved, "10.00", "AMOUNT"),
        HttpStatus.CONFLICT,
        null);
    assertThat(visibleDisputes("paula")).as("nothing written").isEqualTo(before);

    String id = driver.open(partner.user(), "CLAIM", claim.claimId(), "450.15", "EVIDENCE");
    assertProblem(
        driver.tryOpen(partner.user(), "CLAIM", claim.claimId(), "10.00", "AMOUNT"),
        HttpStatus.CONFLICT,
        null);
    assertProblem(money.get(other.user(), "/api/disputes/" + id), HttpStatus.NOT_FOUND, null);
    assertThat(visibleDisputes(other.user())).isZero();
    assertThat(visibleDisputes(partner.user())).isEqualTo(1);

    // Withdrawn: the review task leaves the inbox, and the subject may be disputed again.
    InboxTask review = driver.awaitTask(id, "ReviewDisputeTask");
    assertProblem(
        money.post(other.user(), "/api/disputes/" + id + "/withdraw", ""),
        HttpStatus.NOT_FOUND,
        null);
    assertProblem(
        money.post("paula", "/api/disputes/" + id + "/withdraw", ""), HttpStatus.FORBIDDEN, null);
    var withdrawn = money.post(partner.user(), "/api/disputes/" + id + "/withdraw", "");
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(DisbursementDriver.read(withdrawn.getBody()).get("status").asText())
        .isEqualTo("WITHDRAWN");
    assertProblem(
        money.post(partner.user(), "/api/disputes/" + id + "/withdraw", ""),
        HttpStatus.CONFLICT,
        null);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> tasks.findById(review.getId()).orElseThrow().getState(),
            st -> st != TaskState.OPEN);
    String again = driver.open(partner.user(), "CLAIM", claim.claimId(), "100.00", "EVIDENCE");
    assertThat(again).isNotEqualTo(id);
  }

  @Test
  void aDecisionPastTheWindowCannotBeDisputed() {
    TestPartner partner = money.newPartner("50000.00");
    DecidedClaim claim = driver.rejectedClaim(partner);
    time.move(Duration.ofDays(31));
    assertProblem(
        driver.tryOpen(partner.user(), "CLAIM", claim.claimId(), "10.00", "TIMELINESS"),
        HttpStatus.CONFLICT,
        null);
  }

  @Test
  void internalUsersReadTheStatistics() {
    TestPartner partner = money.newPartner("50000.00");
    DecidedClaim claim = driver.rejectedClaim(partner);
    String id = driver.open(partner.user(), "CLAIM", claim.claimId(), "450.15", "EVIDENCE");
    driver.review(
        "paula", id, "ReviewDisputeTask", "{\"decision\":\"UPHOLD\",\"reason\":\"Stands\"}");
    driver.awaitStatus(id, "RESOLVED");

    var response = money.get("grace", "/api/disputes/stats");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode stats = DisbursementDriver.read(response.getBody());
    assertThat(stats.get("total").asInt()).isPositive();
    assertThat(stats.get("medianTimeToResolution").asText()).startsWith("PT");
    JsonNode rejectedClaims = stats.get("overturnRateByDecisionType").get("CLAIM_REJECTED");
    assertThat(rejectedClaims.get("resolved").asInt()).isPositive();
    assertThat(rejectedClaims.get("rate").decimalValue())
        .isBetween(java.math.BigDecimal.ZERO, java.math.BigDecimal.ONE);
    assertThat(stats.get("overturnRateByDeciderGroup").has("marketing-ops")).isTrue();
    assertThat(stats.get("disputesByPartnerTier").get("GOLD").asInt()).isPositive();
    assertProblem(money.get(partner.user(), "/api/disputes/stats"), HttpStatus.FORBIDDEN, null);

    var partnerPage = UiSession.signIn(port, partner.user()).get("/disputes");
    assertThat(partnerPage.statusCode()).isEqualTo(200);
    assertThat(partnerPage.body())
        .contains("data-dispute-id=\"" + id + "\"")
        .contains("Stands")
        .doesNotContain("dispute-stats");
    var sponsorPage = UiSession.signIn(port, "grace").get("/disputes");
    assertThat(sponsorPage.statusCode()).isEqualTo(200);
    assertThat(sponsorPage.body()).contains("id=\"dispute-stats\"").contains("CLAIM_REJECTED");
  }

  /** Two users of the partner dispute the same claim at once: one dispute, one 409. */
  @Test
  void concurrentDisputesOfOneSubjectOpenOne() throws Exception {
    TestPartner partner = money.newPartner("50000.00");
    DecidedClaim claim = driver.rejectedClaim(partner);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.Callable<HttpStatus> open =
          () -> {
            start.await();
            return HttpStatus.valueOf(
                driver
                    .tryOpen(partner.user(), "CLAIM", claim.claimId(), "450.15", "EVIDENCE")
                    .getStatusCode()
                    .value());
          };
      var first = pool.submit(open);
      var second = pool.submit(open);
      start.countDown();
      assertThat(java.util.List.of(first.get(), second.get()))
          .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
    } finally {
      pool.shutdownNow();
    }
    assertThat(visibleDisputes(partner.user())).isEqualTo(1);
  }

  /**
   * The partner hands in evidence on the information request through the task attachment endpoint;
   * the dispute lists it with a download link, for the partner and the reviewer, and keeps it after
   * the task is done. Another partner sees neither the dispute nor the file (404).
   */
  @Test
  void evidenceUploadedToTheInformationRequestIsListedOnTheDispute() throws Exception {
    TestPartner partner = money.newPartner("50000.00");
    TestPartner other = money.newPartner("50000.00");
    DecidedClaim claim = driver.rejectedClaim(partner);
    String id = driver.open(partner.user(), "CLAIM", claim.claimId(), "450.15", "EVIDENCE");
    assertThat(driver.dispute(partner.user(), id).get("evidence")).isEmpty();
    driver.review(
        "paula",
        id,
        "ReviewDisputeTask",
        "{\"decision\":\"REQUEST_INFO\",\"reason\":\"Send the attendee list\"}");
    InboxTask question = driver.awaitTask(id, "ProvideInformationTask");

    byte[] pdf = DisbursementDriver.uniquePdf();
    assertThat(money.get(other.user(), "/api/tasks/" + question.getId() + "/attachments"))
        .extracting(ResponseEntity::getStatusCode)
        .isEqualTo(HttpStatus.NOT_FOUND);
    String fileId = money.upload(partner.user(), question, "attendees.pdf", pdf).get("id").asText();
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));

    for (String reader : new String[] {partner.user(), "paula"}) {
      JsonNode evidence = driver.dispute(reader, id).get("evidence");
      assertThat(evidence).as(reader).hasSize(1);
      JsonNode file = evidence.get(0);
      assertThat(file.get("id").asText()).isEqualTo(fileId);
      assertThat(file.get("fileName").asText()).isEqualTo("attendees.pdf");
      assertThat(file.get("contentType").asText()).isEqualTo("application/pdf");
      assertThat(file.get("sha256").asText()).isEqualTo(sha256);
      assertThat(file.get("size").asLong()).isEqualTo(pdf.length);
      assertThat(file.get("href").asText()).isEqualTo("/api/attachments/" + fileId);
      ResponseEntity<byte[]> download =
          http.withBasicAuth(reader, "demo").getForEntity(file.get("href").asText(), byte[].class);
      assertThat(download.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      assertThat(download.getBody()).isEqualTo(pdf);
    }
    assertThat(UiSession.signIn(port, partner.user()).get("/disputes/" + id).body())
        .contains("id=\"dispute-evidence\"")
        .contains("href=\"/api/attachments/" + fileId + "\">attendees.pdf<")
        .contains("data-sha256=\"" + sha256 + "\"");
    assertThat(money.get(other.user(), "/api/disputes/" + id).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            http.withBasicAuth(other.user(), "demo")
                .getForEntity("/api/attachments/" + fileId, byte[].class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    money.complete(partner.user(), question, "{\"information\":\"Attached the list\"}");
    driver.awaitStatus(id, "IN_REVIEW");
    JsonNode afterwards = driver.dispute(partner.user(), id).get("evidence");
    assertThat(afterwards).hasSize(1);
    assertThat(afterwards.get(0).get("id").asText()).isEqualTo(fileId);
    JsonNode listed = DisbursementDriver.read(money.get(partner.user(), "/api/disputes").getBody());
    assertThat(listed.get("items").get(0).has("evidence")).isFalse();
  }

  /**
   * The partner hands in files with the dispute itself, as the dispute form does right after
   * opening it ({@code POST /api/disputes/{id}/evidence}): listed in {@code evidence[]} before the
   * dispute has any task, downloadable by the partner and the reviewer, in the history. Internal
   * users get 403, another partner 404, a file that is not PDF, PNG or JPEG 415, a resolved dispute
   * 409; nothing is stored then.
   */
  @Test
  void filesHandedInWithTheDisputeAreItsEvidence() throws Exception {
    TestPartner partner = money.newPartner("50000.00");
    TestPartner other = money.newPartner("50000.00");
    DecidedClaim claim = driver.rejectedClaim(partner);
    String id = driver.open(partner.user(), "CLAIM", claim.claimId(), "450.15", "EVIDENCE");
    String path = "/api/disputes/" + id + "/evidence";
    byte[] pdf = DisbursementDriver.uniquePdf();

    var created = money.tryUpload(partner.user(), path, "invoice.pdf", pdf);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode file = DisbursementDriver.read(created.getBody());
    String fileId = file.get("id").asText();
    assertThat(file.get("fileName").asText()).isEqualTo("invoice.pdf");
    assertThat(file.get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(file.get("sha256").asText())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
    assertThat(file.get("href").asText()).isEqualTo("/api/attachments/" + fileId);

    assertProblem(
        money.tryUpload("paula", path, "mine.pdf", DisbursementDriver.uniquePdf()),
        HttpStatus.FORBIDDEN,
        null);
    assertProblem(
        money.tryUpload(other.user(), path, "theirs.pdf", DisbursementDriver.uniquePdf()),
        HttpStatus.NOT_FOUND,
        null);
    assertProblem(
        money.tryUpload(partner.user(), path, "notes.pdf", "plain text".getBytes()),
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "file");

    for (String reader : new String[] {partner.user(), "paula"}) {
      JsonNode evidence = driver.dispute(reader, id).get("evidence");
      assertThat(evidence).as(reader).hasSize(1);
      assertThat(evidence.get(0).get("id").asText()).isEqualTo(fileId);
      ResponseEntity<byte[]> download =
          http.withBasicAuth(reader, "demo")
              .getForEntity("/api/attachments/" + fileId, byte[].class);
      assertThat(download.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      assertThat(download.getBody()).isEqualTo(pdf);
    }
    assertThat(
            http.withBasicAuth(other.user(), "demo")
                .getForEntity("/api/attachments/" + fileId, byte[].class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            StreamSupport.stream(driver.dispute("paula", id).get("history").spliterator(), false)
                .map(h -> h.get("action").asText()))
        .containsOnlyOnce("EVIDENCE_ADDED");

    driver.review(
        "paula", id, "ReviewDisputeTask", "{\"decision\":\"UPHOLD\",\"reason\":\"Read it\"}");
    driver.awaitStatus(id, "RESOLVED");
    assertProblem(
        money.tryUpload(partner.user(), path, "late.pdf", DisbursementDriver.uniquePdf()),
        HttpStatus.CONFLICT,
        null);
    assertThat(driver.dispute(partner.user(), id).get("evidence")).hasSize(1);
  }
}
