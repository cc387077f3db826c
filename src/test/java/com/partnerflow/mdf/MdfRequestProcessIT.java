package com.partnerflow.mdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnerflow.BusinessTime;
import com.partnerflow.EngineCommandFaults;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.engine.EmbeddedZeebeEngine;
import com.partnerflow.engine.ProcessTestSupport;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.fund.LedgerEntryType;
import com.partnerflow.fund.LedgerMovement;
import com.partnerflow.fund.Money;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.notification.NotificationLog;
import com.partnerflow.notification.NotificationRecord;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import com.partnerflow.task.TaskState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every route of bpmn/mdf-request.bpmn with the real workers, started through the API and decided
 * through the task inbox as the right users. Each test uses a partner of its own (with a budget),
 * so risk history and incentive stacking do not leak between tests.
 *
 * <p>Business time comes from the service's clock, which earlier tests (of this class or others)
 * may have moved by weeks or into the next fund period: each test first makes sure its fund period
 * has room for the activity and for every clock move of the test, and dates its activity from
 * there, so no test depends on the calendar or on the order of tests.
 */
@PartnerflowIntegrationTest
class MdfRequestProcessIT {

  /**
   * Days of the fund period a test needs after today: the activity starts tomorrow, and the longest
   * escalation chain moves the clock by 13 days before it reserves in the period of the budget.
   */
  static final int DAYS_A_TEST_SPANS = 20;

  @Autowired TestRestTemplate http;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired InboxTasks tasks;
  @Autowired MdfRequests requests;
  @Autowired MdfFunding funding;
  @Autowired MdfMail mail;
  @Autowired MdfReview review;
  @Autowired NotificationLog notifications;
  @Autowired JdbcTemplate jdbc;
  @Autowired EmbeddedZeebeEngine engine;
  @Autowired BusinessTime time;
  @Autowired EngineCommandFaults faults;
  ProcessTestSupport process;

  /** A partner of a test, with one partner user (password demo) and a budget in EUR. */
  record TestPartner(String id, String user, String email) {}

  @BeforeEach
  void setUp() {
    process = new ProcessTestSupport(engine);
    time.ensureDaysLeftInPeriod(DAYS_A_TEST_SPANS);
  }

  TestPartner newPartner(Tier tier, String budget) {
    String name = "mdf" + UUID.randomUUID().toString().substring(0, 8);
    Partner partner =
        partners.save(new Partner("MDF " + name, name + ".example", tier, Region.EMEA, time.now()));
    String email = name + "@" + name + ".example";
    accounts.createIfAbsent(name, "demo", "User " + name, email, partner.getId(), Set.of());
    funds.allocate(
        LedgerMovement.of(partner.getId(), funds.currentPeriod(), Money.of(budget, "EUR"))
            .withKey("test-allocation:" + partner.getId())
            .by("test")
            .because("budget of a test partner"));
    return new TestPartner(partner.getId(), name, email);
  }

  /** A request for a one-day activity tomorrow (business time). */
  String body(String activityType, String title, String requested, String contribution) {
    return body(time.today().plusDays(1), activityType, title, requested, contribution);
  }

  static String body(
      LocalDate start, String activityType, String title, String requested, String contribution) {
    BigDecimal total = new BigDecimal(requested).add(new BigDecimal(contribution));
    return """
        {"activityType":"%s","title":"%s","description":"Joint activity","region":"EMEA",
         "startDate":"%s","endDate":"%s","currency":"EUR","totalCost":%s,
         "requestedAmount":%s,"partnerContribution":%s,"expectedRegistrations":200,
         "expectedLeads":40,"expectedPipeline":250000,
         "milestones":[{"name":"Invitations","plannedDate":"%s","sharePercent":30},
                       {"name":"Activity held","plannedDate":"%s","sharePercent":70}]}
        """
        .formatted(
            activityType,
            title,
            start,
            start,
            total.toPlainString(),
            requested,
            contribution,
            start,
            start);
  }

  ResponseEntity<String> post(String user, String path, String json) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo")
        .exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
  }

  ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  MdfRequest submit(TestPartner partner, String json) {
    var response = post(partner.user(), "/api/mdf-requests", json);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    String id = response.getBody().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    assertThat(response.getBody())
        .contains("\"status\":\"SUBMITTED\"")
        .contains("\"processStart\":\"STARTED\"");
    // A start message names no instance: the process's first step notes it on the request.
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> requests.findById(id).orElseThrow(), r -> r.getProcessInstanceKey() != null);
  }

  /**
   * The request once it has the status; APPROVED is passed at once on the way to IN_DISBURSEMENT
   * (milestone disbursement starts right after the reservation), so either counts as approved.
   */
  MdfRequest awaitStatus(MdfRequest request, MdfStatus status) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> requests.findById(request.getId()).orElseThrow(),
            r ->
                r.getStatus() == status
                    || (status == MdfStatus.APPROVED
                        && r.getStatus() == MdfStatus.IN_DISBURSEMENT));
  }

  InboxTask awaitTask(MdfRequest request, String elementId) {
    return awaitTask(request, elementId, null);
  }

  /**
   * The open task of the element, for {@code group} when given: a task a boundary timer interrupted
   * stays in the inbox until the next liveness check, beside the one that replaced it.
   */
  InboxTask awaitTask(MdfRequest request, String elementId, String group) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                tasks
                    .findByProcessInstanceKeyOrderByCreatedAtAsc(request.getProcessInstanceKey())
                    .stream()
                    .filter(t -> t.getElementId().equals(elementId))
                    .filter(t -> t.getState() == TaskState.OPEN)
                    .filter(t -> group == null || t.getCandidateGroups().contains(group))
                    .findFirst()
                    .orElse(null),
            t -> t != null);
  }

  void decide(String user, MdfRequest request, String elementId, String group, String json) {
    InboxTask task = awaitTask(request, elementId, group);
    assertThat(task.getCandidateGroups()).containsExactly(group);
    var response = post(user, "/api/tasks/" + task.getId() + "/complete", json);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    await().until(() -> tasks.findById(task.getId()).orElseThrow().getState() != TaskState.OPEN);
  }

  /** What is reserved for the request in the current fund period. */
  BigDecimal reserved(MdfRequest request) {
    return reservedIn(funds.currentPeriod(), request);
  }

  BigDecimal reservedIn(FundPeriod period, MdfRequest request) {
    return funds
        .reservedFor(request.getPartnerId(), period, "EUR", MdfFunding.reference(request.getId()))
        .amount();
  }

  long reserveEntries(MdfRequest request) {
    return funds.movements(request.getPartnerId(), funds.currentPeriod(), "EUR").stream()
        .filter(m -> m.type() == LedgerEntryType.RESERVE)
        .filter(m -> MdfFunding.reference(request.getId()).equals(m.reference()))
        .count();
  }

  /**
   * The request's decisions up to and including its funding; the milestones' own entries ({@code
   * MILESTONE_*}, written by disbursement once the request is approved) and the decision tables'
   * entries ({@code RISK_ASSESSED}, {@code ROUTED}, see {@link #tableDecisions}) are left out.
   */
  List<String> actions(MdfRequest request) {
    return requests.findById(request.getId()).orElseThrow().getHistory().stream()
        .map(MdfDecision::action)
        .filter(a -> !a.startsWith("MILESTONE_") && !MdfDecision.INTERNAL_ACTIONS.contains(a))
        .toList();
  }

  /** The entries the decision tables wrote: risk assessment and route, per routing. */
  List<MdfDecision> tableDecisions(MdfRequest request) {
    return requests.findById(request.getId()).orElseThrow().getHistory().stream()
        .filter(d -> MdfDecision.INTERNAL_ACTIONS.contains(d.action()))
        .toList();
  }

  MdfDecision firstOf(MdfRequest request, String action) {
    return requests.findById(request.getId()).orElseThrow().getHistory().stream()
        .filter(d -> d.action().equals(action))
        .findFirst()
        .orElseThrow();
  }

  static final String APPROVE = "{\"decision\":\"APPROVE\"}";

  /**
   * The message start while the engine is away: each submission is saved with its pending start,
   * answered {@code PENDING}, retried with a growing backoff, and started exactly once when the
   * engine answers again.
   */
  @Test
  void submissionsWhileTheEngineIsAwayAreSavedAndEachStartsOnceWhenItAnswers() {
    List<String> ids = new java.util.ArrayList<>();
    try {
      faults.refuse("PublishMessage");
      for (int i = 1; i <= 3; i++) {
        // A partner each, as three partners submitting at once (one's requests would stack).
        TestPartner partner = newPartner(Tier.GOLD, "50000.00");
        var response =
            post(
                partner.user(),
                "/api/mdf-requests",
                body("EVENT", "Saved while away " + i, "5000.50", "5000.50"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody())
            .contains("\"status\":\"SUBMITTED\"")
            .contains("\"processStart\":\"PENDING\"");
        ids.add(response.getBody().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
      }
      // The relay tries again with a growing backoff (1 s, 2 s …): two failures each.
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () ->
                  assertThat(ids)
                      .allSatisfy(
                          id ->
                              assertThat(startOf(id))
                                  .containsEntry("SENT", false)
                                  .hasEntrySatisfying(
                                      "FAILURES", f -> assertThat((Integer) f).isGreaterThan(1))
                                  .hasEntrySatisfying(
                                      "LAST_ERROR",
                                      e -> assertThat((String) e).contains("UNAVAILABLE"))));
      assertThat(ids)
          .allSatisfy(
              id -> {
                MdfRequest saved = requests.findById(id).orElseThrow();
                assertThat(saved.getStatus()).isEqualTo(MdfStatus.SUBMITTED);
                assertThat(saved.getProcessInstanceKey()).isNull();
              });
      assertThat(get("admin", "/actuator/health").getBody())
          .contains("\"engineMessages\"")
          .containsPattern("\"pending\":[3-9]");
    } finally {
      faults.clear();
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(ids)
                    .allSatisfy(id -> assertThat(startOf(id)).containsEntry("SENT", true)));
    for (String id : ids) {
      MdfRequest started =
          await()
              .atMost(Duration.ofSeconds(15))
              .until(
                  () -> requests.findById(id).orElseThrow(),
                  r -> r.getStatus() == MdfStatus.IN_REVIEW && r.getHolderGroup() != null);
      awaitTask(started, "ReviewMdfRequestTask", "channel-managers");
      assertThat(instancesStartedFor(id)).isEqualTo(1);
      assertThat(openTasks(started)).isEqualTo(1);
    }
  }

  /**
   * A crash after the engine took the start and before the service recorded it: the start is sent
   * again, the engine refuses the repeated message id, and the request keeps one instance.
   */
  @Test
  void aStartSentAgainAfterItsRecordWasLostStartsNoSecondInstance() {
    TestPartner partner = newPartner(Tier.GOLD, "50000.00");
    MdfRequest request = submit(partner, body("EVENT", "Sent twice", "5000.50", "5000.50"));
    awaitTask(request, "ReviewMdfRequestTask", "channel-managers");
    assertThat(startOf(request.getId()).get("MESSAGE_KEY")).isNotNull();

    jdbc.update(
        "UPDATE engine_message SET sent_at = NULL, message_key = NULL, next_attempt_at = ?"
            + " WHERE message_id = ?",
        java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
        request.getId());

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(startOf(request.getId())).containsEntry("SENT", true));
    // Taken as sent because the engine answered ALREADY_EXISTS: no new message, no new instance.
    assertThat(startOf(request.getId()).get("MESSAGE_KEY")).isNull();
    assertThat(instancesStartedFor(request.getId())).isEqualTo(1);
    assertThat(openTasks(request)).isEqualTo(1);
  }

  /** The request's pending start: SENT, FAILURES, LAST_ERROR, MESSAGE_KEY. */
  java.util.Map<String, Object> startOf(String requestId) {
    return jdbc.queryForMap(
        "SELECT sent_at IS NOT NULL AS sent, failures, last_error, message_key"
            + " FROM engine_message WHERE message_id = ?",
        requestId);
  }

  /** How many instances the engine started for the request's id through the start message. */
  long instancesStartedFor(String requestId) {
    return java.util.stream.StreamSupport.stream(
            io.camunda.zeebe.process.test.filters.RecordStream.of(engine.recordStream())
                .messageStartEventSubscriptionRecords()
                .spliterator(),
            false)
        .filter(
            r ->
                r.getIntent()
                    == io.camunda.zeebe.protocol.record.intent.MessageStartEventSubscriptionIntent
                        .CORRELATED)
        .filter(r -> requestId.equals(r.getValue().getCorrelationKey()))
        .count();
  }

  long openTasks(MdfRequest request) {
    return tasks
        .findByProcessInstanceKeyOrderByCreatedAtAsc(
            requests.findById(request.getId()).orElseThrow().getProcessInstanceKey())
        .stream()
        .filter(t -> t.getState() == TaskState.OPEN)
        .count();
  }

  @Test
  void autoApprovesASmallLowRiskRequestOfAGoldPartnerAndReservesItOnce() {
    TestPartner acme = newPartner(Tier.GOLD, "50000.00");
    MdfRequest request = submit(acme, body("WEBINAR", "Small webinar", "1500.50", "1500.50"));

    MdfRequest approved = awaitStatus(request, MdfStatus.APPROVED);
    process.eventually(
        request.getProcessInstanceKey(),
        p ->
            p.hasPassedElement("MdfRequestApprovedEvent")
                .hasNotPassedElement("ReviewMdfRequestTask"));
    assertThat(approved.getApprovedAmount()).isEqualByComparingTo("1500.50");
    assertThat(approved.getRiskLevel()).isEqualTo("LOW");
    assertThat(reserved(request)).isEqualByComparingTo("1500.50");

    // A retried mdf.reserve-funds job reserves nothing more.
    funding.reserve(request.getId(), new BigDecimal("1500.50"));
    assertThat(reserved(request)).isEqualByComparingTo("1500.50");
    assertThat(reserveEntries(request)).isEqualTo(1);
    assertThat(actions(request)).containsExactly("FUNDS_RESERVED");

    // The risk assessment and the route are in the audit trail, each naming the decision version
    // deployed with the request's process version (bound to its deployment).
    List<MdfDecision> decided = tableDecisions(request);
    assertThat(decided).extracting(MdfDecision::action).containsExactly("RISK_ASSESSED", "ROUTED");
    assertThat(decided)
        .extracting(MdfDecision::decisionId)
        .containsExactly("mdf-risk-assessment", "mdf-approval-routing");
    assertThat(decided).allSatisfy(d -> assertThat(d.decisionVersion()).isPositive());
    assertThat(decided).allSatisfy(d -> assertThat(d.decisionKey()).isPositive());
    assertThat(decided.get(1).reason())
        .isEqualTo(
            "Approved automatically: no approval group (decided by mdf-approval-routing version "
                + decided.get(1).decisionVersion()
                + ")");
    // The mdf.record-risk job delivered again writes nothing twice.
    String step = decided.get(0).stepKey().substring("risk:".length());
    review.recordRisk(
        request.getId(),
        new MdfReview.Risk(approved.getRiskScore(), "LOW", List.of()),
        new MdfReview.Route(List.of(), false),
        java.util.Optional.empty(),
        java.util.Optional.empty(),
        step);
    assertThat(tableDecisions(request)).hasSize(2);
  }

  @Test
  void partnerRequestGoesThroughOneLevelToApprovedWithTheReservationInTheBalance() {
    TestPartner partner = newPartner(Tier.GOLD, "50000.00");
    MdfRequest request = submit(partner, body("EVENT", "Customer day", "5000.50", "5000.50"));

    InboxTask review = awaitTask(request, "ReviewMdfRequestTask");
    assertThat(review.getPartnerId()).isEqualTo(partner.id());
    assertThat(get("carol", "/api/tasks/" + review.getId()).getBody())
        .contains("\"mdfRequestId\":\"" + request.getId() + "\"")
        .contains("\"availableBalance\":\"50000.00\"")
        .contains("\"partnerHistory\":\"0 earlier requests")
        .contains("\"riskLevel\":\"LOW\"");
    MdfRequest inReview = awaitStatus(request, MdfStatus.IN_REVIEW);
    assertThat(inReview.getHolderGroup()).isEqualTo("channel-managers");
    var view = get(partner.user(), "/api/mdf-requests/" + request.getId());
    assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(view.getBody())
        .contains("\"status\":\"IN_REVIEW\"")
        .contains("\"holderGroup\":\"channel-managers\"")
        .contains("\"decisionDueAt\":\"")
        .contains("New partner")
        .contains("\"milestones\":[{\"name\":\"Invitations\"");
    assertThat(get("bob", "/api/mdf-requests/" + request.getId()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(partner.user(), "/api/mdf-requests?status=IN_REVIEW").getBody())
        .contains(request.getId())
        .contains("\"total\":1");
    assertThat(get("carol", "/api/mdf-requests?partnerId=" + partner.id()).getBody())
        .contains(request.getId());
    assertThat(get("bob", "/api/mdf-requests?partnerId=" + partner.id()).getBody())
        .doesNotContain(request.getId());

    decide("carol", request, "ReviewMdfRequestTask", "channel-managers", APPROVE);

    // Approved, and at once in milestone disbursement.
    awaitStatus(request, MdfStatus.IN_DISBURSEMENT);
    assertThat(get(partner.user(), "/api/mdf-requests/" + request.getId()).getBody())
        .contains("\"status\":\"IN_DISBURSEMENT\"")
        .contains("\"approvedAmount\":5000.5")
        .contains("\"action\":\"APPROVE\"")
        .contains("\"actor\":\"channel-managers\"")
        .doesNotContain("\"actor\":\"carol\"");
    assertThat(get("carol", "/api/mdf-requests/" + request.getId()).getBody())
        .contains("\"actor\":\"carol\"");
    assertThat(get(partner.user(), "/api/partners/" + partner.id() + "/funds").getBody())
        .contains("\"allocated\":50000.00")
        .contains("\"reserved\":5000.50")
        .contains("\"available\":44999.50");
  }

  @Test
  void twoLevelsWithAReducedAmountReserveTheReducedAmount() {
    TestPartner partner = newPartner(Tier.GOLD, "50000.00");
    MdfRequest request =
        submit(partner, body("DIGITAL_CAMPAIGN", "Search campaign", "12000.50", "12000.50"));

    decide("carol", request, "ReviewMdfRequestTask", "channel-managers", APPROVE);
    decide(
        "dave",
        request,
        "ReviewMdfRequestTask",
        "marketing-directors",
        "{\"decision\":\"APPROVE_REDUCED\",\"approvedAmount\":10000,\"reason\":\"Fewer channels\"}");

    MdfRequest approved = awaitStatus(request, MdfStatus.APPROVED);
    assertThat(approved.getApprovedAmount()).isEqualByComparingTo("10000.00");
    assertThat(reserved(request)).isEqualByComparingTo("10000.00");
    assertThat(actions(request)).containsExactly("APPROVE", "APPROVE_REDUCED", "FUNDS_RESERVED");
  }

  @Test
  void threeLevelsDecideALargeRequest() {
    TestPartner partner = newPartner(Tier.GOLD, "80000.00");
    MdfRequest request = submit(partner, body("EVENT", "Partner summit", "20000.50", "20000.50"));

    decide("carol", request, "ReviewMdfRequestTask", "channel-managers", APPROVE);
    decide("dave", request, "ReviewMdfRequestTask", "marketing-directors", APPROVE);
    decide("erin", request, "ReviewMdfRequestTask", "finance", APPROVE);

    awaitStatus(request, MdfStatus.APPROVED);
    assertThat(reserved(request)).isEqualByComparingTo("20000.50");
    assertThat(actions(request)).containsExactly("APPROVE", "APPROVE", "APPROVE", "FUNDS_RESERVED");
  }

  @Test
  void highRiskIsSpotAuditedFirstAndARejectionTellsThePartnerOnce() {
    TestPartner partner = newPartner(Tier.GOLD, "80000.00");
    // round number + just below the cap of 25,000 + new partner = HIGH
    MdfRequest request = submit(partner, body("EVENT", "Roadshow", "24000", "24000"));

    decide(
        "frank",
        request,
        "ReviewMdfRequestTask",
        "marketing-ops",
        "{\"decision\":\"REJECT\",\"reason\":\"Costs are not plausible\"}");

    MdfRequest rejected = awaitStatus(request, MdfStatus.REJECTED);
    assertThat(rejected.getRiskLevel()).isEqualTo("HIGH");
    assertThat(rejected.getRiskSignals()).hasSize(3);
    assertThat(actions(request)).containsExactly("REJECT", "REJECTED");
    assertThat(reserved(request)).isZero();
    process.eventually(
        request.getProcessInstanceKey(),
        p -> p.isCompleted().hasPassedElement("MdfRequestRejectedEvent"));
    List<NotificationRecord> mails =
        notifications.findByRecipientOrderByCreatedAtDesc(partner.email());
    assertThat(mails)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getTemplate()).isEqualTo("mdf-request-rejected");
              assertThat(m.getStatus()).isEqualTo(NotificationRecord.Status.SENT);
            });

    // A retried mdf.reject-request job mails nobody again.
    mail.rejected(
        rejected,
        List.of("Costs are not plausible"),
        request.getProcessInstanceKey(),
        "RejectRequestTask");
    assertThat(notifications.findByRecipientOrderByCreatedAtDesc(partner.email())).hasSize(1);
  }

  @Test
  void anIneligibleRequestIsRejectedWithEveryReasonAndFundsUntouched() {
    TestPartner partner = newPartner(Tier.GOLD, "50000.00");
    MdfRequest request = submit(partner, body("TRADE_SHOW", "Booth", "1000.50", "100"));

    MdfRequest rejected = awaitStatus(request, MdfStatus.REJECTED);

    String reasons = rejected.getHistory().get(0).reason();
    assertThat(reasons)
        .contains("TRADE_SHOW is not allowed for the tier")
        .contains("Co-funding share 9.09 % is below the tier minimum of 30 %");
    assertThat(rejected.getHistory().get(0).actor()).isEqualTo("system");
    assertThat(funds.movements(partner.id(), funds.currentPeriod(), "EUR"))
        .extracting(m -> m.type())
        .containsExactly(LedgerEntryType.ALLOCATE);
    await()
        .until(
            () -> notifications.findByRecipientOrderByCreatedAtDesc(partner.email()).size() == 1);
  }

  String revision(String title, String requested, String contribution, String total) {
    String start = time.today().plusDays(2).toString();
    return """
        {"title":"%s","description":"Revised","startDate":"%s","endDate":"%s",
         "totalCost":%s,"requestedAmount":%s,"partnerContribution":%s}
        """
        .formatted(title, start, start, total, requested, contribution);
  }

  @Test
  void requestChangesLoopsBackThroughEligibilityAtMostThreeRounds() {
    TestPartner partner = newPartner(Tier.GOLD, "50000.00");
    MdfRequest request = submit(partner, body("WEBINAR", "Product webinar", "5000.50", "5000.50"));
    String changes = "{\"decision\":\"REQUEST_CHANGES\",\"reason\":\"Lower the amount\"}";
    String group = "partner:" + partner.id();

    decide("carol", request, "ReviewMdfRequestTask", "channel-managers", changes);
    assertThat(awaitStatus(request, MdfStatus.CHANGES_REQUESTED).getRevisionRound()).isEqualTo(1);
    // A revision that does not add up goes back to the partner.
    decide(
        partner.user(),
        request,
        "ReviseMdfRequestTask",
        group,
        revision("Product webinar", "4000.50", "4000.50", "9000"));
    await()
        .until(
            () ->
                tasks
                        .findByProcessInstanceKeyOrderByCreatedAtAsc(
                            request.getProcessInstanceKey())
                        .stream()
                        .filter(t -> t.getElementId().equals("ReviseMdfRequestTask"))
                        .count()
                    == 2);
    decide(
        partner.user(),
        request,
        "ReviseMdfRequestTask",
        group,
        revision("Product webinar", "4000.50", "4000.50", "8001.00"));
    // The revision form starts from the current milestone plan; the partner may change it.
    decide("carol", request, "ReviewMdfRequestTask", "channel-managers", changes);
    InboxTask revise = awaitTask(request, "ReviseMdfRequestTask", group);
    assertThat(get(partner.user(), "/api/tasks/" + revise.getId()).getBody())
        .contains("\"milestones\":[{")
        .contains("\"name\":\"Invitations\"");
    String start = time.today().plusDays(2).toString();
    decide(
        partner.user(),
        request,
        "ReviseMdfRequestTask",
        group,
        revision("Product webinar", "3000.50", "3000.50", "6001.00")
            .replaceFirst(
                "}\\s*$",
                """
                ,"milestones":[{"name":"Speakers booked","plannedDate":"%s","sharePercent":40},
                  {"name":"Webinar held","plannedDate":"%s","sharePercent":60}]}
                """
                    .formatted(start, start)));
    decide("carol", request, "ReviewMdfRequestTask", "channel-managers", changes);
    decide(
        partner.user(),
        request,
        "ReviseMdfRequestTask",
        group,
        revision("Product webinar", "3000.50", "3000.50", "6001.00"));
    MdfRequest revised = requests.findById(request.getId()).orElseThrow();
    assertThat(revised.getRequestedAmount()).isEqualByComparingTo("3000.50");
    assertThat(revised.getMilestones())
        .extracting(Milestone::name, m -> m.sharePercent().intValue())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Speakers booked", 40),
            org.assertj.core.groups.Tuple.tuple("Webinar held", 60));
    decide("carol", request, "ReviewMdfRequestTask", "channel-managers", changes);

    MdfRequest rejected = awaitStatus(request, MdfStatus.REJECTED);
    assertThat(rejected.getRevisionRound()).isEqualTo(3);
    assertThat(rejected.getHistory().get(rejected.getHistory().size() - 1).reason())
        .contains("maximum of 3 revision rounds");
    process.eventually(
        request.getProcessInstanceKey(),
        p -> p.isCompleted().hasPassedElement("MdfRequestRejectedAfterRoundsEvent"));
    assertThat(reserved(request)).isZero();
  }

  @Test
  void aBreachedSlaRemindsAtHalfTimeAndEscalatesToTheNextLevel() {
    TestPartner partner = newPartner(Tier.GOLD, "50000.00");
    MdfRequest request =
        submit(partner, body("WEBINAR", "Escalated webinar", "5000.50", "5000.50"));
    InboxTask review = awaitTask(request, "ReviewMdfRequestTask");
    assertThat(review.getDueDate()).isNotNull();

    process.moveClock(Duration.ofDays(2).plusMinutes(1));

    process.eventually(
        request.getProcessInstanceKey(),
        p ->
            p.hasPassedElement("SlaReminderEvent")
                .hasPassedElement("SlaBreachedEvent")
                .hasPassedElement("RecordEscalationTask"));
    await()
        .until(
            () ->
                "marketing-directors"
                    .equals(requests.findById(request.getId()).orElseThrow().getHolderGroup()));
    assertThat(actions(request)).containsExactly("ESCALATED");
    assertThat(
            notifications.findByRecipientOrderByCreatedAtDesc("carol@partnerflow.example").stream()
                .anyMatch(
                    n ->
                        n.getTemplate().equals("mdf-review-reminder")
                            && n.getIdempotencyKey()
                                .startsWith(request.getProcessInstanceKey() + ":")))
        .isTrue();

    decide("dave", request, "EscalatedReviewTask", "marketing-directors", APPROVE);

    awaitStatus(request, MdfStatus.APPROVED);
    assertThat(actions(request)).containsExactly("ESCALATED", "APPROVE", "FUNDS_RESERVED");
  }

  /**
   * One escalation step: the request is with {@code group} (holder, inbox task, partner view), and
   * the decision due date the partner is promised is the task's due date, the breach timer's date
   * (unless {@code breachTimer} is null: the top of the chain has none) and the creation time plus
   * the group's own SLA.
   */
  InboxTask assertEscalatedTo(
      MdfRequest request,
      String from,
      String group,
      int escalations,
      String taskElement,
      String breachTimer,
      Duration sla) {
    MdfRequest escalated =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () -> requests.findById(request.getId()).orElseThrow(),
                r ->
                    group.equals(r.getHolderGroup())
                        && r.getHistory().stream()
                                .filter(d -> d.action().equals("ESCALATED"))
                                .count()
                            == escalations);
    MdfDecision entry = escalated.getHistory().get(escalated.getHistory().size() - 1);
    assertThat(entry.actor()).isEqualTo("system");
    assertThat(entry.level()).isEqualTo(from);
    assertThat(entry.reason()).isEqualTo("SLA of " + from + " breached; escalated to " + group);
    assertThat(escalated.getStatus()).isEqualTo(MdfStatus.IN_REVIEW);
    Instant due = escalated.getDecisionDueAt();

    InboxTask task = awaitTask(request, taskElement, group);
    assertThat(task.getCandidateGroups()).containsExactly(group);
    assertThat(task.getDueDate()).isEqualTo(due.truncatedTo(ChronoUnit.MILLIS));
    if (breachTimer != null) {
      await()
          .until(
              () -> process.timersOf(request.getProcessInstanceKey(), breachTimer).size(),
              n -> n == escalations);
      var timer =
          process.timersOf(request.getProcessInstanceKey(), breachTimer).stream()
              .reduce((a, b) -> b)
              .orElseThrow();
      assertThat(timer.dueAt()).isEqualTo(due.truncatedTo(ChronoUnit.MILLIS));
      assertThat(Duration.between(timer.createdAt(), timer.dueAt()))
          .isBetween(sla.minusSeconds(10), sla);
    }
    assertThat(get(request.getSubmittedBy(), "/api/mdf-requests/" + request.getId()).getBody())
        .contains("\"holderGroup\":\"" + group + "\"")
        .contains("\"decisionDueAt\":\"" + due + "\"")
        .contains("\"action\":\"ESCALATED\"");
    return task;
  }

  boolean remindedAbout(MdfRequest request, String email) {
    return notifications.findByRecipientOrderByCreatedAtDesc(email).stream()
        .anyMatch(
            n ->
                n.getTemplate().equals("mdf-review-reminder")
                    && n.getIdempotencyKey().startsWith(request.getProcessInstanceKey() + ":"));
  }

  long remindersAbout(MdfRequest request, String email) {
    return notifications.findByRecipientOrderByCreatedAtDesc(email).stream()
        .filter(n -> n.getTemplate().equals("mdf-review-reminder"))
        .filter(n -> n.getIdempotencyKey().startsWith(request.getProcessInstanceKey() + ":"))
        .count();
  }

  /** channel-managers (P2D) breach → marketing-directors, under their own SLA (P3D). */
  void breachChannelManagersSla(MdfRequest request) {
    process.moveClock(Duration.ofDays(2).plusMinutes(1));
    assertEscalatedTo(
        request,
        "channel-managers",
        "marketing-directors",
        1,
        "EscalatedReviewTask",
        "EscalatedSlaBreachedEvent",
        Duration.ofDays(3));

    // A retried mdf.record-escalation job records nothing more.
    MdfRequest escalated = requests.findById(request.getId()).orElseThrow();
    MdfDecision entry = escalated.getHistory().get(escalated.getHistory().size() - 1);
    review.recordEscalation(
        request.getId(),
        "channel-managers",
        "marketing-directors",
        escalated.getDecisionDueAt(),
        entry.stepKey());
    assertThat(requests.findById(request.getId()).orElseThrow().getHistory())
        .hasSameSizeAs(escalated.getHistory());
  }

  @Test
  void eachBreachEscalatesOneLevelFurtherUntilTheExecutiveSponsorsWhoAreOnlyReminded() {
    TestPartner partner = newPartner(Tier.GOLD, "50000.00");
    MdfRequest request = submit(partner, body("WEBINAR", "Chain webinar", "5000.50", "5000.50"));
    awaitTask(request, "ReviewMdfRequestTask");

    breachChannelManagersSla(request);

    // marketing-directors (P3D, reminded at 36 h) breach → finance (P3D)
    process.moveClock(Duration.ofDays(3).plusMinutes(1));
    assertEscalatedTo(
        request,
        "marketing-directors",
        "finance",
        2,
        "EscalatedReviewTask",
        "EscalatedSlaBreachedEvent",
        Duration.ofDays(3));
    await().until(() -> remindedAbout(request, "dave@partnerflow.example"));

    // finance (P3D) breach → executive-sponsors, the top of the chain (P5D, no breach timer)
    process.moveClock(Duration.ofDays(3).plusMinutes(1));
    assertEscalatedTo(
        request,
        "finance",
        "executive-sponsors",
        3,
        "TopOfChainReviewTask",
        null,
        Duration.ofDays(5));
    await().until(() -> remindedAbout(request, "erin@partnerflow.example"));
    process.eventually(
        request.getProcessInstanceKey(),
        p -> p.hasPassedElement("FurtherEscalationGateway", 3).isActive());
    assertThat(process.timersOf(request.getProcessInstanceKey(), "EscalatedSlaBreachedEvent"))
        .hasSize(2);

    // Past the top's SLA: reminded every half SLA (60 h), never escalated again.
    process.moveClock(Duration.ofHours(60).plusMinutes(1));
    await().until(() -> remindersAbout(request, "grace@partnerflow.example") == 1);
    process.moveClock(Duration.ofHours(60).plusMinutes(1));
    await().until(() -> remindersAbout(request, "grace@partnerflow.example") == 2);
    MdfRequest overdue = requests.findById(request.getId()).orElseThrow();
    assertThat(overdue.getHolderGroup()).isEqualTo("executive-sponsors");
    assertThat(actions(request)).containsExactly("ESCALATED", "ESCALATED", "ESCALATED");

    decide("grace", request, "TopOfChainReviewTask", "executive-sponsors", APPROVE);

    MdfRequest approved = awaitStatus(request, MdfStatus.APPROVED);
    assertThat(actions(request))
        .containsExactly("ESCALATED", "ESCALATED", "ESCALATED", "APPROVE", "FUNDS_RESERVED");
    assertThat(firstOf(request, "APPROVE").level()).isEqualTo("executive-sponsors");
    assertThat(firstOf(request, "APPROVE").actor()).isEqualTo("grace");
    assertThat(reserved(request)).isEqualByComparingTo("5000.50");
  }

  @Test
  void anEscalatedLevelDecidedInTimeHandsOverToTheNextRoutedLevel() {
    TestPartner partner = newPartner(Tier.GOLD, "50000.00");
    MdfRequest request =
        submit(partner, body("DIGITAL_CAMPAIGN", "Escalated campaign", "12000.50", "12000.50"));
    awaitTask(request, "ReviewMdfRequestTask");

    breachChannelManagersSla(request);
    decide("dave", request, "EscalatedReviewTask", "marketing-directors", APPROVE);

    // The second routed level starts afresh with its own SLA and no escalation.
    decide("dave", request, "ReviewMdfRequestTask", "marketing-directors", APPROVE);

    awaitStatus(request, MdfStatus.APPROVED);
    assertThat(actions(request))
        .containsExactly("ESCALATED", "APPROVE", "APPROVE", "FUNDS_RESERVED");
  }

  @Test
  void aBalanceRacedAwayGoesBackToTheApproverAndNeverOverspends() {
    TestPartner partner = newPartner(Tier.GOLD, "6000.00");
    MdfRequest request = submit(partner, body("WEBINAR", "Raced webinar", "5000.50", "5000.50"));
    awaitTask(request, "ReviewMdfRequestTask");
    funds.reserve(
        LedgerMovement.of(partner.id(), funds.currentPeriod(), Money.of("2000.00", "EUR"))
            .forReference("other-activity")
            .withKey("race:" + partner.id())
            .by("test"));

    decide("carol", request, "ReviewMdfRequestTask", "channel-managers", APPROVE);

    InboxTask reconsider = awaitTask(request, "ResolveInsufficientFundsTask");
    assertThat(reconsider.getCandidateGroups()).containsExactly("channel-managers");
    assertThat(get("carol", "/api/tasks/" + reconsider.getId()).getBody()).contains("fundsProblem");
    assertThat(reserved(request)).isZero();
    assertThat(requests.findById(request.getId()).orElseThrow().getStatus())
        .isEqualTo(MdfStatus.IN_REVIEW);

    decide(
        "carol",
        request,
        "ResolveInsufficientFundsTask",
        "channel-managers",
        "{\"decision\":\"APPROVE_REDUCED\",\"approvedAmount\":3999.5,\"reason\":\"What is left\"}");

    awaitStatus(request, MdfStatus.APPROVED);
    assertThat(reserved(request)).isEqualByComparingTo("3999.50");
    assertThat(funds.balance(partner.id(), funds.currentPeriod(), "EUR").orElseThrow().available())
        .isEqualByComparingTo("0.50");
  }

  /**
   * An approved request whose milestones nobody claims: each lapses at its claim deadline and
   * releases its share; then the request is CLOSED with nothing reserved. Moves the clock by the
   * claim deadline (30 days after the planned date, DMN milestone-claim-window).
   */
  @Test
  void unclaimedMilestonesLapseAndReleaseTheReservationAndTheRequestCloses() {
    TestPartner partner = newPartner(Tier.GOLD, "50000.00");
    FundPeriod period = funds.currentPeriod();
    MdfRequest request = submit(partner, body("WEBINAR", "Lapsing webinar", "1500.50", "1500.50"));
    MdfRequest approved = awaitStatus(request, MdfStatus.APPROVED);
    assertThat(firstOf(approved, "FUNDS_RESERVED").reason())
        .isEqualTo("Reserved in fund period " + period.id());
    process.eventually(
        request.getProcessInstanceKey(),
        p ->
            p.hasPassedElement("MdfRequestApprovedEvent")
                .isWaitingAtElements("DisburseMilestonesActivity"));
    assertThat(reservedIn(period, request)).isEqualByComparingTo("1500.50");
    awaitStatus(request, MdfStatus.IN_DISBURSEMENT);

    time.move(Duration.ofDays(32));

    MdfRequest closed = awaitStatus(request, MdfStatus.CLOSED);
    process.eventually(
        request.getProcessInstanceKey(),
        p ->
            p.isCompleted()
                .hasPassedElement("ReleaseUnusedFundsTask")
                .hasPassedElement("CloseOutRequestTask"));
    assertThat(reservedIn(period, request)).isZero();
    assertThat(closed.getPaidAmount()).isEqualByComparingTo("0");
    assertThat(closed.getReleasedAmount()).isEqualByComparingTo("1500.50");
    assertThat(closed.getMilestones())
        .extracting(Milestone::status)
        .containsExactly(MilestoneStatus.LAPSED, MilestoneStatus.LAPSED);
    assertThat(actions(request))
        .containsExactly("FUNDS_RESERVED", "FUNDS_RELEASED", "FUNDS_RELEASED", "CLOSED");
    // A retried mdf.release-unused-funds job releases nothing more.
    assertThat(funding.releaseUnused(request.getId(), period.id())).isZero();
    assertThat(reservedIn(period, request))
        .isZero(); // The ledger files every movement under the webinar and the two releases as
    // lapsed, which is
    // how insights tells lapsed funds from released ones.
    assertThat(
            jdbc.queryForList(
                "select concat(entry_type, '/', activity_type, '/', case when lapsed then 'lapsed'"
                    + " else '-' end, '/', amount) from fund_ledger_entry where reference = ?"
                    + " order by id",
                String.class,
                "mdf-request:" + request.getId()))
        .containsExactlyInAnyOrder(
            "RESERVE/WEBINAR/-/1500.50",
            "RELEASE/WEBINAR/lapsed/1050.35",
            "RELEASE/WEBINAR/lapsed/450.15");
  }
}
