package com.partnerflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Test data for pages of other packages: a fresh application made through the public API. */
public final class AnApplication {

  private AnApplication() {}

  /**
   * Applies as a new company named "{prefix} …" and answers the applicant's status page, a path
   * such as {@code /application-status/<token>}.
   */
  public static String statusPage(ApplicationContext context, String prefix) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    var applicant =
        new OnboardingDriver.Applicant(
            prefix + " " + tag, "app-" + tag + ".example", "ann@app-" + tag + ".example");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var response =
        context
            .getBean(TestRestTemplate.class)
            .postForEntity(
                "/api/partner-applications",
                new HttpEntity<>(applicant.body("RESELLER", 300000, 3), headers),
                String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    try {
      return context
          .getBean(ObjectMapper.class)
          .readTree(response.getBody())
          .get("statusPage")
          .asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
