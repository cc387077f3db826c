package com.partnerflow.onboarding;

import static com.partnerflow.onboarding.OnboardingDriver.reviewDecision;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.engine.EmbeddedZeebeEngine;
import com.partnerflow.engine.ProcessTestSupport;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.onboarding.OnboardingDriver.Applicant;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The user journey through the public API: a company applies, a partner manager approves, the
 * applicant accepts the agreement by mailed link, the partner is active with the budget the tier
 * table gives it, its new admin sets a password by invitation link, signs in and agrees the partner
 * plan, which ends the onboarding.
 */
@PartnerflowIntegrationTest
class PartnerOnboardingJourneyIT {

  @Autowired EmbeddedZeebeEngine engine;
  @Autowired TestRestTemplate http;
  @Autowired InboxTasks tasks;
  @Autowired PartnerApplications applications;
  @Autowired BusinessTime time;

  /** Posts the set-password page's form as a browser would: its session cookie and CSRF token. */
  String submitPasswordForm(ResponseEntity<String> page, String token, String password) {
    var csrf =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
            .matcher(page.getBody());
    assertThat(csrf.find()).isTrue();
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.put(
        HttpHeaders.COOKIE,
        page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
            .map(c -> c.split(";")[0])
            .toList());
    var form = new LinkedMultiValueMap<String, String>();
    form.add("_csrf", csrf.group(1));
    form.add("password", password);
    var response =
        http.exchange(
            "/partner-invitations/" + token,
            HttpMethod.POST,
            new HttpEntity<>(form, headers),
            String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  @Test
  void fromPublicApplicationToAnActivePartnerWhoseAdminSignsInAndAgreesThePlan() {
    // The first budget belongs to the fund period of the activation, read at the end: the period
    // must not close in between.
    time.ensureDaysLeftInPeriod(1);
    FundPeriod period = time.currentPeriod();
    var process = new ProcessTestSupport(engine);
    var driver = new OnboardingDriver(http, tasks, applications);
    var applicant = Applicant.fresh();

    String id = driver.apply(applicant, "RESELLER", 1500000, 6);
    assertThat(
            driver
                .post(null, "/api/partner-applications", applicant.body("RESELLER", 1, 1))
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    long instance = driver.instanceOf(id);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(15))
        .until(() -> driver.mailed(applicant.email(), "arrived"));

    driver.completeAs(
        "carol",
        driver.awaitTask(instance, "ReviewApplicationTask").getId(),
        reviewDecision("APPROVE", "PLATINUM", "Strategic reseller"));
    driver.awaitTask(instance, "AcceptAgreementTask");
    String agreement = driver.tokenFromMail(applicant.email(), "approved", "/applicant-tasks/");
    var html = driver.get(null, "/applicant-tasks/" + agreement);
    assertThat(html.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(html.getBody()).contains("data-api-url=\"/api/applicant-tasks/" + agreement + "\"");
    var page = driver.get(null, "/api/applicant-tasks/" + agreement);
    assertThat(page.getBody()).contains("\"agreementVersion\":\"2026.1\"");
    assertThat(
            driver
                .post(
                    null,
                    "/api/applicant-tasks/" + agreement + "/complete",
                    "{\"acceptAgreement\":false}")
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            driver
                .post(
                    null,
                    "/api/applicant-tasks/" + agreement + "/complete",
                    "{\"acceptAgreement\":true}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    InboxTask plan = driver.awaitTask(instance, "AgreePartnerPlanTask");
    process.eventually(
        instance,
        p ->
            p.hasPassedElement("ActivatePartnerTask")
                .hasPassedElement("SendInvitationTask")
                .hasPassedElement("SendWelcomeTask"));
    JsonNode application = driver.application(id);
    String partnerId = application.get("partnerId").asText();
    assertThat(application.get("status").asText()).isEqualTo("ACTIVATED");
    assertThat(application.get("tier").asText()).isEqualTo("PLATINUM");
    assertThat(application.get("agreementVersion").asText()).isEqualTo("2026.1");
    assertThat(application.get("agreementAcceptedBy").asText()).isEqualTo(applicant.email());
    assertThat(plan.getCandidateGroups()).containsExactly("partner:" + partnerId);
    assertThat(driver.mailed(applicant.email(), "Welcome to the Partnerflow partner program"))
        .isTrue();

    String invitation =
        driver.tokenFromMail(
            applicant.email(), "Your Partnerflow account", "/partner-invitations/");
    var setPasswordPage = driver.get(null, "/partner-invitations/" + invitation);
    assertThat(setPasswordPage.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(setPasswordPage.getBody()).contains(applicant.email(), "name=\"password\"");
    assertThat(submitPasswordForm(setPasswordPage, invitation, "too short"))
        .contains("12 to 128 characters");
    assertThat(
            driver
                .post(
                    null,
                    "/api/partner-invitations/" + invitation + "/password",
                    "{\"password\":\"short\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            driver
                .post(
                    null,
                    "/api/partner-invitations/" + invitation + "/password",
                    "{\"password\":\"correct horse battery\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(
            driver
                .post(
                    null,
                    "/api/partner-invitations/" + invitation + "/password",
                    "{\"password\":\"another long password\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);

    var me =
        http.withBasicAuth(applicant.email(), "correct horse battery")
            .getForEntity("/api/me", String.class);
    assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me.getBody()).contains("\"partnerId\":\"" + partnerId + "\"");
    var partner =
        http.withBasicAuth(applicant.email(), "correct horse battery")
            .getForEntity("/api/partners/" + partnerId, String.class);
    assertThat(partner.getBody())
        .contains(
            "\"status\":\"ACTIVE\"",
            "\"tier\":\"PLATINUM\"",
            "\"region\":\"EMEA\"",
            "\"partnerType\":\"RESELLER\"",
            "\"country\":\"DE\"",
            "\"verticals\":[\"RETAIL\",\"HEALTHCARE\"]");
    var funds =
        http.withBasicAuth(applicant.email(), "correct horse battery")
            .getForEntity("/api/partners/" + partnerId + "/funds", String.class);
    assertThat(funds.getStatusCode()).isEqualTo(HttpStatus.OK);
    // The tier table's annual allocation for Platinum, the fund period's share of it.
    BigDecimal expected =
        TierBenefitsTable.periodShare(
            TierBenefitsTable.annualAllocation("PLATINUM"), period.startsOn(), period.endsOn());
    assertThat(expected).isPositive();
    JsonNode budgets = driver.read(funds.getBody());
    assertThat(budgets).hasSize(1);
    JsonNode budget = budgets.get(0);
    assertThat(budget.get("period").asText()).isEqualTo(period.id());
    assertThat(budget.get("currency").asText()).isEqualTo("EUR");
    assertThat(budget.get("allocated").decimalValue()).isEqualByComparingTo(expected);
    assertThat(budget.get("reserved").decimalValue()).isZero();
    assertThat(budget.get("paid").decimalValue()).isZero();
    assertThat(budget.get("available").decimalValue()).isEqualByComparingTo(expected);

    // The new admin finds the partner plan in their inbox and agrees it; onboarding ends.
    var admin = http.withBasicAuth(applicant.email(), "correct horse battery");
    assertThat(admin.getForEntity("/api/tasks", String.class).getBody())
        .contains("\"id\":" + plan.getId() + ",");
    var incomplete = completeTask(admin, plan.getId(), "{}");
    assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(incomplete.getBody())
        .contains("\"field\":\"targetSegments\"", "\"field\":\"plannedActivities\"");
    var agreed =
        completeTask(
            admin,
            plan.getId(),
            """
            {"targetSegments":"Retail chains in DACH","valueProposition":"Store analytics",
             "plannedActivities":"Two webinars, one trade show"}
            """);
    assertThat(agreed.getStatusCode()).as(agreed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    process.eventually(
        instance,
        p ->
            p.isCompleted()
                .hasPassedElement("AgreePartnerPlanTask")
                .hasPassedElement("PartnerActivatedEvent")
                .hasVariableWithValue("targetSegments", "Retail chains in DACH")
                .hasVariableWithValue("completedBy", applicant.email()));
  }

  ResponseEntity<String> completeTask(TestRestTemplate user, long taskId, String values) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return user.exchange(
        "/api/tasks/" + taskId + "/complete",
        HttpMethod.POST,
        new HttpEntity<>(values, headers),
        String.class);
  }
}
