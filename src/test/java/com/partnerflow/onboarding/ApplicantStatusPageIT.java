package com.partnerflow.onboarding;

import static com.partnerflow.onboarding.OnboardingDriver.reviewDecision;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.onboarding.OnboardingDriver.Applicant;
import com.partnerflow.task.InboxTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The applicant's status page: named by a random token in the answer to the application and in the
 * confirmation mail, public, showing the status and the next step as the process moves on; neither
 * an unknown token nor the application id opens it.
 */
@PartnerflowIntegrationTest
class ApplicantStatusPageIT {

  static final String PATH = "/application-status/";

  @Autowired TestRestTemplate http;
  @Autowired InboxTasks tasks;
  @Autowired PartnerApplications applications;
  OnboardingDriver driver;

  @BeforeEach
  void setUp() {
    driver = new OnboardingDriver(http, tasks, applications);
  }

  @Test
  void theApplicantFollowsTheApplicationThroughTheMailedLink() {
    Applicant applicant = Applicant.fresh();
    var answer =
        driver.post(null, "/api/partner-applications", applicant.body("RESELLER", 300000, 3));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    var created = driver.read(answer.getBody());
    String id = created.get("id").asText();
    String statusPage = created.get("statusPage").asText();
    assertThat(statusPage).startsWith(PATH);
    String token = statusPage.substring(PATH.length());
    assertThat(token).hasSizeGreaterThanOrEqualTo(43).doesNotContain(id);

    // The confirmation mail links to the same page.
    assertThat(driver.tokenFromMail(applicant.email(), "arrived", PATH)).isEqualTo(token);

    driver.awaitTask(driver.instanceOf(id), "ReviewApplicationTask");
    driver.awaitStatus(id, "IN_REVIEW");
    var inReview = driver.get(null, statusPage);
    assertThat(inReview.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(inReview.getBody())
        .contains("<h1>" + applicant.companyName() + "</h1>")
        .contains("id=\"application-status\">In review</dd>")
        .contains("Nothing to do for you now")
        .contains("aria-current=\"step\"")
        .doesNotContain(id)
        .doesNotContain("carol");

    driver.completeAs(
        "carol",
        driver.awaitTask(driver.instanceOf(id), "ReviewApplicationTask").getId(),
        reviewDecision("REQUEST_INFO", null, "Which customers do you serve?"));
    driver.awaitStatus(id, "INFO_REQUESTED");
    var infoRequested = driver.get(null, statusPage);
    assertThat(infoRequested.getBody())
        .contains("id=\"application-status\">Information requested</dd>")
        .contains("Your answer is needed")
        .contains("More information needed for your partner application");
    // The mail that asks repeats the link to the page.
    assertThat(driver.tokenFromMail(applicant.email(), "More information needed", PATH))
        .isEqualTo(token);
  }

  @Test
  void neitherAnUnknownTokenNorTheApplicationIdOpensAStatusPage() {
    Applicant applicant = Applicant.fresh();
    String id = driver.apply(applicant, "RESELLER", 300000, 3);

    assertThat(driver.get(null, PATH + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(driver.get(null, PATH + "x".repeat(43)).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(driver.get(null, PATH + "x".repeat(500)).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void eachStatusSaysWhatIsExpectedOfTheApplicant() {
    for (ApplicationStatus status : ApplicationStatus.values()) {
      assertThat(ApplicantStatusPage.nextStep(status).text()).as(status.name()).isNotBlank();
    }
    assertThat(ApplicantStatusPage.nextStep(ApplicationStatus.EXPIRED).href()).isEqualTo("/apply");
    assertThat(ApplicantStatusPage.nextStep(ApplicationStatus.ACTIVATED).href())
        .isEqualTo("/login");
    assertThat(ApplicantStatusPage.steps(ApplicationStatus.AWAITING_AGREEMENT))
        .extracting(ApplicantStatusPage.Step::state)
        .containsExactly("done", "done", "current", "ahead");
    assertThat(ApplicantStatusPage.steps(ApplicationStatus.ACTIVATED))
        .extracting(ApplicantStatusPage.Step::state)
        .containsOnly("done");
    assertThat(ApplicantStatusPage.steps(ApplicationStatus.REJECTED)).isEmpty();
  }
}
