package com.partnerflow.onboarding;

import static com.partnerflow.ScriptText.ESCAPED;
import static com.partnerflow.ScriptText.SCRIPT;
import static com.partnerflow.onboarding.OnboardingDriver.reviewDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.onboarding.OnboardingDriver.Applicant;
import com.partnerflow.task.InboxTasks;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The application pages and the onboarding history on the partner page, over HTTP with signed-in
 * sessions: who may see what, the audit trail with actor and reason, escaping.
 */
@PartnerflowIntegrationTest
class ApplicationPagesIT {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired InboxTasks tasks;
  @Autowired PartnerApplications applications;
  @Autowired ActivatePartnerWorker activateWorker;
  @Autowired UserAccounts accounts;
  @Autowired BusinessTime time;
  OnboardingDriver driver;

  @BeforeEach
  void setUp() {
    driver = new OnboardingDriver(http, tasks, applications);
  }

  /** An application waiting for review, its contact on another domain than the website. */
  String applicationInReview(Applicant applicant) {
    String id = driver.apply(applicant, "RESELLER", 300000, 3);
    driver.awaitTask(driver.instanceOf(id), "ReviewApplicationTask");
    driver.awaitStatus(id, "IN_REVIEW");
    return id;
  }

  static Applicant withForeignContact() {
    Applicant fresh = Applicant.fresh();
    return new Applicant(fresh.companyName(), fresh.domain(), "ann@elsewhere.example");
  }

  @Test
  void partnerManagersListApplicationsAndFilterByStatus() {
    Applicant applicant = Applicant.fresh();
    String id = applicationInReview(applicant);
    var carol = UiSession.signIn(port, "carol");

    var all = carol.get("/partner-applications");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body())
        .contains("href=\"/partner-applications/" + id + "\"")
        .contains(applicant.companyName())
        .contains(applicant.domain())
        .contains("IN_REVIEW")
        .contains("SILVER");
    assertThat(carol.get("/partner-applications?status=IN_REVIEW").body())
        .contains("/partner-applications/" + id + "\"");
    assertThat(carol.get("/partner-applications?status=REJECTED").body())
        .doesNotContain("/partner-applications/" + id + "\"");
    // The top bar links to the list for partner managers.
    assertThat(all.body()).contains("href=\"/partner-applications\">Applications</a>");
  }

  @Test
  void everyoneButPartnerManagersAndAdminsGetsTheNotFoundPage() {
    Applicant applicant = Applicant.fresh();
    String id = applicationInReview(applicant);

    for (String user : List.of("alice", "bob", "dave", "olivia")) {
      var session = UiSession.signIn(port, user);
      for (String path : List.of("/partner-applications", "/partner-applications/" + id)) {
        var page = session.get(path);
        assertThat(page.statusCode()).as(user + " " + path).isEqualTo(404);
        assertThat(page.body())
            .as(user + " " + path)
            .contains("Not found")
            .doesNotContain(applicant.companyName())
            .doesNotContain("Exception");
      }
      assertThat(session.get("/").body()).as(user).doesNotContain("/partner-applications");
    }
    assertThat(UiSession.signIn(port, "admin").get("/partner-applications/" + id).statusCode())
        .isEqualTo(200);
    assertThat(UiSession.signIn(port, "carol").get("/partner-applications/unknown").statusCode())
        .isEqualTo(404);
  }

  @Test
  void theApplicationPageShowsScreeningTierReviewerAndReasonEscaped() {
    Applicant applicant = withForeignContact();
    String id = applicationInReview(applicant);
    long instance = driver.instanceOf(id);
    driver.completeAs(
        "carol",
        driver.awaitTask(instance, "ReviewApplicationTask").getId(),
        reviewDecision("APPROVE", "GOLD", "Strong pipeline " + SCRIPT));
    driver.awaitStatus(id, "AWAITING_AGREEMENT");

    var page = UiSession.signIn(port, "carol").get("/partner-applications/" + id);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1>" + applicant.companyName() + "</h1>")
        .contains("Needs a review")
        .contains("does not match the website domain " + applicant.domain())
        .contains("<dt>Proposed tier</dt><dd>Silver</dd>")
        .contains("<dt>Tier</dt><dd>Gold</dd>")
        .contains("not activated")
        .doesNotContain(SCRIPT);
    String history = page.body().substring(page.body().indexOf("id=\"history\""));
    assertThat(history)
        .containsSubsequence("Submitted", "Screened", "Tier proposed", "Approve")
        .contains("<td>carol</td>")
        .contains("tier GOLD: Strong pipeline " + ESCAPED);
  }

  @Test
  void anActivatedPartnersPageShowsItsOnboardingToInternalUsersOnly() {
    Applicant applicant = Applicant.fresh();
    String id = applicationInReview(applicant);
    driver.completeAs(
        "carol",
        driver.awaitTask(driver.instanceOf(id), "ReviewApplicationTask").getId(),
        reviewDecision("APPROVE", null, "Good fit"));
    driver.awaitStatus(id, "AWAITING_AGREEMENT");
    String partnerId = activate(id);

    var application = UiSession.signIn(port, "carol").get("/partner-applications/" + id);
    assertThat(application.body()).contains("href=\"/partners/" + partnerId + "\"");

    var carolsView = UiSession.signIn(port, "carol").get("/partners/" + partnerId);
    assertThat(carolsView.statusCode()).isEqualTo(200);
    assertThat(carolsView.body())
        .contains("id=\"onboarding\"")
        .contains("href=\"/partner-applications/" + id + "\"")
        .containsSubsequence("Submitted", "Approve", "Activated")
        .contains("Good fit");

    // Other internal users read the history but get no link to the application they cannot open.
    var davesView = UiSession.signIn(port, "dave").get("/partners/" + partnerId);
    assertThat(davesView.body())
        .contains("id=\"onboarding\"")
        .contains("Good fit")
        .doesNotContain("/partner-applications/");

    // The partner's own admin sees the partner, its funds and users, not the internal history.
    String password = "a-long-password-" + UUID.randomUUID();
    assertThat(accounts.changePassword(applicant.email(), password)).isTrue();
    var own = UiSession.signIn(port, applicant.email(), password).get("/partners/" + partnerId);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body())
        .contains(applicant.companyName())
        .contains("id=\"funds\"")
        .contains(applicant.email())
        .doesNotContain("id=\"onboarding\"")
        .doesNotContain("Good fit");

    var alice = UiSession.signIn(port, "alice").get("/partners/" + partnerId);
    assertThat(alice.statusCode()).isEqualTo(404);
    assertThat(alice.body()).doesNotContain(applicant.companyName());
  }

  @Test
  void scriptInACompanyNameIsRenderedEscaped() {
    // The API refuses <> in names; data that arrived otherwise must still render as text.
    String tag = UUID.randomUUID().toString().substring(0, 8);
    PartnerApplication stored =
        applications.save(
            new PartnerApplication(
                new ValidApplication(
                    SCRIPT + tag,
                    "https://script-" + tag + ".example",
                    "script-" + tag + ".example",
                    "DE",
                    "EMEA",
                    "RESELLER",
                    List.of("RETAIL"),
                    new BigDecimal("1000"),
                    1,
                    SCRIPT,
                    "x@script-" + tag + ".example"),
                time.now()));
    var carol = UiSession.signIn(port, "carol");

    for (HttpResponse<String> page :
        List.of(
            carol.get("/partner-applications"),
            carol.get("/partner-applications/" + stored.getId()))) {
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains(ESCAPED + tag).doesNotContain(SCRIPT);
    }
  }

  /** Runs the activation worker for the application, as the engine would; answers the partner. */
  String activate(String applicationId) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getType()).thenReturn(OnboardingProcess.ACTIVATE_PARTNER);
    when(job.getBpmnProcessId()).thenReturn(OnboardingProcess.PROCESS_ID);
    when(job.getVariablesAsMap())
        .thenReturn(
            Map.of(
                "applicationId", applicationId, "tierBenefits", Map.of("annualAllocation", 20000)));
    return (String) activateWorker.activate(job).get("partnerId");
  }
}
