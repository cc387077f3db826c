package com.partnerflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.PartnerflowIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Paths the security firewall rejects are answered 400 as problem+json on the API, signed in or
 * not, and with the error page for pages. Sent with a raw client: a URI-normalising one would never
 * send them.
 */
@PartnerflowIntegrationTest
class FirewallRefusalsIT {

  @LocalServerPort int port;
  final HttpClient client = HttpClient.newHttpClient();

  HttpResponse<String> get(String rawPath, boolean signedIn)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
            .header("Accept", signedIn ? "application/json" : "text/html,*/*");
    if (signedIn) {
      request.header(
          "Authorization", "Basic " + Base64.getEncoder().encodeToString("carol:demo".getBytes()));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void rejectedApiPathsAnswerProblemJson() throws Exception {
    var softly = new SoftAssertions();
    for (String path :
        new String[] {
          "/api/partners/%2F..%2Fme",
          "/api/partners/x%00y",
          "/api/partners/%2e%2e/me",
          "/api/partners;jsessionid=x/1",
          "/api//partners"
        }) {
      for (boolean signedIn : new boolean[] {false, true}) {
        var response = get(path, signedIn);
        softly.assertThat(response.statusCode()).as(path).isEqualTo(400);
        softly
            .assertThat(response.headers().firstValue("Content-Type"))
            .as(path)
            .hasValue("application/problem+json");
        softly
            .assertThat(response.body())
            .as(path)
            .contains("\"status\":400")
            .contains("\"errors\":[{")
            .doesNotContain("<html");
      }
    }
    softly.assertAll();
  }

  @Test
  void rejectedPagePathsAnswerTheErrorPage() throws Exception {
    var response = get("/tasks/%2e%2e/admin", false); // a browser asks for HTML
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
  }
}
