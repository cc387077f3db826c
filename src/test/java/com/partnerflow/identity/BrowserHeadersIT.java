package com.partnerflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.PartnerflowIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Pages and API answers carry the CSP and Referrer-Policy; the session cookie is SameSite=Lax. */
@PartnerflowIntegrationTest
class BrowserHeadersIT {

  @LocalServerPort int port;
  final HttpClient client = HttpClient.newHttpClient();

  HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyDoorSendsThePolicyHeaders() throws Exception {
    for (String path : new String[] {"/login", "/api/me", "/actuator/health", "/apply"}) {
      var response = get(path);
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(BrowserHeaders.CONTENT_SECURITY_POLICY);
      assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
    }
    assertThat(BrowserHeaders.CONTENT_SECURITY_POLICY)
        .startsWith("default-src 'self';")
        .contains("script-src 'self';", "img-src 'self' data:;")
        .doesNotContain("unsafe-eval", "script-src 'self' 'unsafe-inline'", "http");
  }

  @Test
  void onlyTheEditorsAllowInlineStylesAndScriptsStaySelfOnly() throws Exception {
    assertThat(
            get("/process-owner/edit/decisions/mdf-approval-routing")
                .headers()
                .allValues("Content-Security-Policy"))
        .containsExactly(BrowserHeaders.EDITOR_CONTENT_SECURITY_POLICY);
    assertThat(get("/process-owner/edit").headers().allValues("Content-Security-Policy"))
        .containsExactly(BrowserHeaders.CONTENT_SECURITY_POLICY);
    assertThat(BrowserHeaders.EDITOR_CONTENT_SECURITY_POLICY)
        .contains("style-src 'self' 'unsafe-inline';", "script-src 'self';")
        .doesNotContain("unsafe-eval")
        .isEqualTo(
            BrowserHeaders.CONTENT_SECURITY_POLICY.replace(
                "style-src 'self';", "style-src 'self' 'unsafe-inline';"));
  }

  @Test
  void theSessionCookieIsSameSiteLaxAndHttpOnly() throws Exception {
    // The sign-in page creates a session for its CSRF token.
    var response = get("/login");
    assertThat(response.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c -> assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax"));
  }
}
