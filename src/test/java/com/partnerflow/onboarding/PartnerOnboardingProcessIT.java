package com.partnerflow.onboarding;

import static com.partnerflow.onboarding.OnboardingDriver.reviewDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.engine.EmbeddedZeebeEngine;
import com.partnerflow.engine.ProcessTestSupport;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.AppUser;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.identity.Users;
import com.partnerflow.notification.NotificationLog;
import com.partnerflow.notification.NotificationRecord;
import com.partnerflow.onboarding.OnboardingDriver.Applicant;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Every path of bpmn/partner-onboarding.bpmn on the embedded engine with the real workers. */
@PartnerflowIntegrationTest
class PartnerOnboardingProcessIT {

  @Autowired EmbeddedZeebeEngine engine;
  @Autowired TestRestTemplate http;
  @Autowired InboxTasks tasks;
  @Autowired PartnerApplications applications;
  @Autowired ActivatePartnerWorker activateWorker;
  @Autowired Partners partners;
  @Autowired Users users;
  @Autowired FundLedger ledger;
  @Autowired NotifyWorker notifyWorker;
  @Autowired UserAccounts accounts;
  @Autowired NotificationLog notificationLog;
  @Autowired BusinessTime time;
  ProcessTestSupport process;
  OnboardingDriver driver;

  @BeforeEach
  void setUp() {
    process = new ProcessTestSupport(engine);
    driver = new OnboardingDriver(http, tasks, applications);
  }

  List<String> actions(JsonNode application) {
    List<String> actions = new ArrayList<>();
    application.get("history").forEach(h -> actions.add(h.get("action").asText()));
    return actions;
  }

  @Test
  void deniedPartyIsRejectedAutomaticallyWithTheReasonsStored() {
    var applicant =
        new Applicant("Evil Exports Ltd", "evil-exports.example", "boss@evil-exports.example");
    String id = driver.apply(applicant, "RESELLER", 100000, 1);
    long instance = driver.instanceOf(id);

    process.eventually(
        instance,
        p ->
            p.isCompleted()
                .hasPassedElement("RecordAutoRejectionTask")
                .hasPassedElement("SendRejectionTask")
                .hasPassedElement("ApplicationRejectedEvent")
                .hasNotPassedElement("ReviewApplicationTask"));
    JsonNode application = driver.application(id);
    assertThat(application.get("status").asText()).isEqualTo("REJECTED");
    assertThat(application.get("screeningReasons").asText()).contains("Denied party");
    assertThat(actions(application)).containsSubsequence("SUBMITTED", "SCREENED", "AUTO_REJECTED");
    assertThat(driver.mailed(applicant.email(), "Your partner application for Evil Exports"))
        .isTrue();
  }

  @Test
  void approvalWithAnotherTierLeadsToTheAgreementAndRecordsTheReviewer() {
    var applicant = Applicant.fresh();
    String id = driver.apply(applicant, "RESELLER", 300000, 3);
    long instance = driver.instanceOf(id);
    InboxTask review = driver.awaitTask(instance, "ReviewApplicationTask");
    assertThat(review.getContextJson()).contains("\"applicationId\":\"" + id + "\"");
    driver.awaitStatus(id, "IN_REVIEW");

    driver.completeAs(
        "carol", review.getId(), reviewDecision("APPROVE", "GOLD", "Strong pipeline"));

    driver.awaitTask(instance, "AcceptAgreementTask");
    process.eventually(instance, p -> p.hasPassedElement("SendApprovalTask").isActive());
    JsonNode application = driver.application(id);
    assertThat(application.get("status").asText()).isEqualTo("AWAITING_AGREEMENT");
    assertThat(application.get("proposedTier").asText()).isEqualTo("SILVER");
    assertThat(application.get("tier").asText()).isEqualTo("GOLD");
    JsonNode decision = application.get("history").get(application.get("history").size() - 1);
    assertThat(decision.get("action").asText()).isEqualTo("APPROVE");
    assertThat(decision.get("actor").asText()).isEqualTo("carol");
    assertThat(decision.get("detail").asText()).isEqualTo("tier GOLD: Strong pipeline");
  }

  @Test
  void requestInfoGoesToTheApplicantByLinkAndBackToReview() {
    var applicant = Applicant.fresh();
    String id = driver.apply(applicant, "MSP", 50000, 0);
    long instance = driver.instanceOf(id);
    driver.completeAs(
        "carol",
        driver.awaitTask(instance, "ReviewApplicationTask").getId(),
        reviewDecision("REQUEST_INFO", null, "Which customers do you serve?"));

    driver.awaitTask(instance, "ProvideInformationTask");
    driver.awaitStatus(id, "INFO_REQUESTED");
    String token = driver.tokenFromMail(applicant.email(), "More information", "/applicant-tasks/");
    assertThat(driver.get(null, "/api/applicant-tasks/" + token + "x").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    var page = driver.get(null, "/api/applicant-tasks/" + token);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("partner-application-information");
    assertThat(
            driver.post(null, "/api/applicant-tasks/" + token + "/complete", "{}").getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            driver
                .post(
                    null,
                    "/api/applicant-tasks/" + token + "/complete",
                    "{\"applicantInformation\":\"Retail chains in DACH\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            driver
                .post(
                    null,
                    "/api/applicant-tasks/" + token + "/complete",
                    "{\"applicantInformation\":\"again\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);

    InboxTask secondReview =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () ->
                    tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(instance).stream()
                        .filter(t -> t.getElementId().equals("ReviewApplicationTask"))
                        .filter(t -> t.getState() == com.partnerflow.task.TaskState.OPEN)
                        .findFirst()
                        .orElse(null),
                t -> t != null);
    driver.completeAs(
        "carol", secondReview.getId(), reviewDecision("REJECT", null, "Too small for now"));

    process.eventually(
        instance,
        p ->
            p.isCompleted()
                .hasPassedElement("RecordInformationTask")
                .hasPassedElement("ApplicationRejectedEvent"));
    JsonNode application = driver.application(id);
    assertThat(application.get("status").asText()).isEqualTo("REJECTED");
    assertThat(actions(application)).containsSubsequence("REQUEST_INFO", "INFO_PROVIDED", "REJECT");
  }

  @Test
  void reviewRemindsAfterTwoBusinessDaysAndEscalatesToChannelManagersAfterFive() {
    // From a Thursday, 2 business days end on Monday and 5 on the next Thursday: weekends count
    // not.
    process.moveClockTo(DayOfWeek.THURSDAY);
    var applicant = Applicant.fresh();
    String id = driver.apply(applicant, "REFERRAL", 10000, 0);
    long instance = driver.instanceOf(id);
    driver.awaitTask(instance, "ReviewApplicationTask");
    assertThat(businessDaysUntilDue(process.timerOf(instance, "ReviewReminderEvent"))).isEqualTo(2);
    assertThat(businessDaysUntilDue(process.timerOf(instance, "ReviewEscalationEvent")))
        .isEqualTo(5);

    String secondManager = newPartnerManager();

    process.moveClock(Duration.ofDays(4).plusMinutes(1));
    process.eventually(
        instance,
        p ->
            p.hasPassedElement("SendReviewReminderTask")
                .isWaitingAtElements("ReviewApplicationTask"));
    // Every partner manager once; the team address only stands in for an empty group.
    List<String> members = partnerManagerEmails();
    assertThat(members).contains("carol@partnerflow.example", secondManager);
    assertThat(reminderRecipients(instance)).containsExactlyInAnyOrderElementsOf(members);
    for (String member : members) {
      assertThat(driver.mailCount(member, applicant.companyName())).as(member).isEqualTo(1);
    }
    assertThat(driver.mailed("partner-managers@partnerflow.example", applicant.companyName()))
        .isFalse();

    process.moveClock(Duration.ofDays(3));
    InboxTask escalated = driver.awaitTask(instance, "EscalatedReviewTask");
    assertThat(escalated.getCandidateGroups()).containsExactly("channel-managers");
    driver.completeAs("carol", escalated.getId(), reviewDecision("REJECT", null, "No fit"));
    process.eventually(instance, p -> p.isCompleted().hasPassedElement("ApplicationRejectedEvent"));
  }

  @Test
  void aReminderJobDeliveredTwiceMailsEachPartnerManagerOnce() {
    newPartnerManager();
    String company = "Reminded " + UUID.randomUUID();
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getElementId()).thenReturn("SendReviewReminderTask");
    when(job.getElementInstanceKey()).thenReturn(System.nanoTime());
    when(job.getProcessInstanceKey()).thenReturn(System.nanoTime());
    when(job.getCustomHeaders())
        .thenReturn(Map.of("template", "review-reminder", "to", "partner-managers"));
    when(job.getVariablesAsMap())
        .thenReturn(Map.of("companyName", company, "proposedTier", "SILVER"));

    notifyWorker.notify(job);
    notifyWorker.notify(job);

    List<String> members = partnerManagerEmails();
    assertThat(members).hasSizeGreaterThanOrEqualTo(2);
    for (String member : members) {
      assertThat(driver.mailCount(member, company)).as(member).isEqualTo(1);
    }
  }

  /** A further partner manager with an e-mail address; answers the address. */
  private String newPartnerManager() {
    String name = "pm-" + UUID.randomUUID().toString().substring(0, 8);
    String email = name + "@partnerflow.example";
    accounts.createIfAbsent(
        name, "not-used-" + UUID.randomUUID(), name, email, null, Set.of("partner-managers"));
    return email;
  }

  private List<String> partnerManagerEmails() {
    return users.findReachableMembersOf("partner-managers").stream()
        .map(AppUser::getEmail)
        .toList();
  }

  private List<String> reminderRecipients(long instance) {
    return notificationLog.findAll().stream()
        .filter(n -> n.getTemplate().equals("review-reminder"))
        .filter(n -> n.getIdempotencyKey().startsWith(instance + ":SendReviewReminderTask/"))
        .map(NotificationRecord::getRecipient)
        .toList();
  }

  /** Weekdays from the day after the timer was created up to its due day, at the same time. */
  private static long businessDaysUntilDue(ProcessTestSupport.CreatedTimer timer) {
    var created = timer.createdAt().atZone(ZoneOffset.UTC);
    var due = timer.dueAt().atZone(ZoneOffset.UTC);
    assertThat(Duration.between(due.toLocalTime(), created.toLocalTime()).abs())
        .isLessThan(Duration.ofSeconds(5));
    assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    return created
        .toLocalDate()
        .plusDays(1)
        .datesUntil(due.toLocalDate().plusDays(1))
        .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
        .count();
  }

  @Test
  void agreementRemindsAfterSevenDaysAndExpiresAfterThirty() {
    var applicant = Applicant.fresh();
    String id = driver.apply(applicant, "TECHNOLOGY", 2000000, 6);
    long instance = driver.instanceOf(id);
    driver.completeAs(
        "carol",
        driver.awaitTask(instance, "ReviewApplicationTask").getId(),
        reviewDecision("APPROVE", null, "Good fit"));
    driver.awaitTask(instance, "AcceptAgreementTask");
    String token = driver.tokenFromMail(applicant.email(), "approved", "/applicant-tasks/");

    process.moveClock(Duration.ofDays(7).plusMinutes(1));
    process.eventually(instance, p -> p.hasPassedElement("SendAgreementReminderTask").isActive());
    assertThat(driver.mailed(applicant.email(), "Reminder: accept the partner agreement")).isTrue();

    process.moveClock(Duration.ofDays(23));
    process.eventually(
        instance,
        p ->
            p.isCompleted()
                .hasPassedElement("RecordExpiryTask")
                .hasPassedElement("ApplicationExpiredEvent"));
    driver.awaitStatus(id, "EXPIRED");
    assertThat(driver.mailed(applicant.email(), "has expired")).isTrue();
    assertThat(
            driver
                .post(
                    null,
                    "/api/applicant-tasks/" + token + "/complete",
                    "{\"acceptAgreement\":true}")
                .getStatusCode())
        .isEqualTo(HttpStatus.GONE);
    assertThat(driver.application(id).get("tier").asText()).isEqualTo("GOLD");
  }

  @Test
  void activationJobDeliveredTwiceCreatesOnePartnerOneAdminAndOneBudget() {
    // The budget belongs to the fund period of the activation: it must not close before the check.
    time.ensureDaysLeftInPeriod(1);
    var period = time.currentPeriod();
    var applicant = Applicant.fresh();
    String id = driver.apply(applicant, "RESELLER", 300000, 3);
    long instance = driver.instanceOf(id);
    driver.completeAs(
        "carol",
        driver.awaitTask(instance, "ReviewApplicationTask").getId(),
        reviewDecision("APPROVE", null, "Looks fine"));
    driver.awaitStatus(id, "AWAITING_AGREEMENT");

    // The same activation job handed out twice, as after a timeout or a failed completion.
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getType()).thenReturn(OnboardingProcess.ACTIVATE_PARTNER);
    when(job.getBpmnProcessId()).thenReturn(OnboardingProcess.PROCESS_ID);
    when(job.getVariablesAsMap())
        .thenReturn(Map.of("applicationId", id, "tierBenefits", Map.of("annualAllocation", 50000)));
    var first = activateWorker.activate(job);
    var retried = activateWorker.activate(job);

    assertThat(retried).isEqualTo(first);
    var firstPartnerId = (String) first.get("partnerId");
    assertThat(partners.findAll().stream().filter(p -> applicant.domain().equals(p.getDomain())))
        .hasSize(1);
    assertThat(users.findByUsername(applicant.email())).isPresent();
    assertThat(first.get("adminUsername")).isEqualTo(applicant.email());
    var balance = ledger.balance(firstPartnerId, period, "EUR").orElseThrow();
    assertThat(balance.allocated())
        .isEqualByComparingTo(
            TierBenefitsTable.periodShare(
                new BigDecimal("50000"), period.startsOn(), period.endsOn()));
    assertThat(ledger.movements(firstPartnerId, period, "EUR")).hasSize(1);
  }
}
