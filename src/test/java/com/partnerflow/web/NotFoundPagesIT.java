package com.partnerflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Unknown pages show the site's 404 page to browsers; unknown API paths answer a problem. */
@PartnerflowIntegrationTest
class NotFoundPagesIT {

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;

  @Test
  void unknownPageShowsTheNotFoundPage() {
    var response = UiSession.signIn(port, "carol").get("/no-such-page");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(response.body()).doesNotContain("Exception");
  }

  @Test
  void unknownApiPathAnswersAProblem() {
    var response =
        http.withBasicAuth("carol", "demo").getForEntity("/api/no-such-thing", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
