package com.partnerflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.onboarding.OnboardingDriver.Applicant;
import com.partnerflow.task.InboxTasks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** Bad input and visibility of the partner application API. */
@PartnerflowIntegrationTest
class PartnerApplicationApiIT {

  @Autowired TestRestTemplate http;
  @Autowired InboxTasks tasks;
  @Autowired PartnerApplications applications;
  OnboardingDriver driver;

  @BeforeEach
  void setUp() {
    driver = new OnboardingDriver(http, tasks, applications);
  }

  @Test
  void invalidApplicationIsRefusedFieldByFieldAndNothingIsStored() {
    long before = applications.count();
    var response =
        driver.post(
            null,
            "/api/partner-applications",
            """
            {"companyName":"<script>x</script>","website":"nope","country":"XX","region":"EMEA",
             "partnerType":"RESELLER","verticals":["RETAIL"],"expectedAnnualRevenue":-5,
             "certifiedStaff":1,"contactName":"Ann","contactEmail":"ann@x.example","acceptTerms":false}
            """);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    assertThat(response.getBody())
        .contains("\"companyName\"", "\"website\"", "\"expectedAnnualRevenue\"", "\"acceptTerms\"");
    assertThat(applications.count()).isEqualTo(before);
  }

  @Test
  void publicPageAndItsFormAreOpenToEveryone() {
    var page = driver.get(null, "/apply");
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody())
        .contains("data-form-url=\"/api/partner-applications/form\"", "/js/partner-application.js");
    var form = driver.get(null, "/api/partner-applications/form");
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody())
        .contains("\"id\":\"partner-application\"", "\"key\":\"contactEmail\"");
  }

  @Test
  void hugeCompanyNameIsRefused() {
    String body =
        Applicant.fresh().body("RESELLER", 1, 1).replace("Initech", "x".repeat(2_000_000));
    var response = driver.post(null, "/api/partner-applications", body);
    assertThat(response.getStatusCode().is4xxClientError()).isTrue();
  }

  @Test
  void secondOpenApplicationForTheSameDomainConflicts() {
    var applicant = Applicant.fresh();
    driver.apply(applicant, "REFERRAL", 1000, 0);
    var again = new Applicant("Other name", applicant.domain(), "bob@" + applicant.domain());
    assertThat(
            driver
                .post(null, "/api/partner-applications", again.body("REFERRAL", 1000, 0))
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void onlyPartnerManagersSeeAnApplication() {
    String id = driver.apply(Applicant.fresh(), "REFERRAL", 1000, 0);

    assertThat(driver.get("carol", "/api/partner-applications/" + id).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(driver.get("alice", "/api/partner-applications/" + id).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(driver.get("dave", "/api/partner-applications/" + id).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(driver.get(null, "/api/partner-applications/" + id).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(driver.get("carol", "/api/partner-applications/nope").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }
}
