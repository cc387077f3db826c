package com.partnerflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.PartnerflowIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sign-in throttling over HTTP, for Basic and the form. Every test signs in "from" a client address
 * of its own (TEST-NET-3, through {@code X-Forwarded-For}) with usernames no other test uses, so
 * nothing here locks out the demo users or {@code 127.0.0.1} for the other test classes. The shared
 * test settings: locks start at one minute, five failures lock a username, ten an address.
 */
@PartnerflowIntegrationTest
class SignInThrottleIT {

  private static final String PASSWORD = "the right password 1";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired ObjectMapper json;
  @Autowired UserAccounts accounts;
  @LocalServerPort int port;

  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void users() {
    for (String name :
        new String[] {
          "throttle-basic",
          "throttle-known",
          "throttle-reset",
          "throttle-form",
          "throttle-unlock",
          "throttle-address"
        }) {
      accounts.createIfAbsent(name, PASSWORD, "Throttle Test", null, null, Set.of());
    }
  }

  @Test
  void basicSignInAnswers429WithRetryAfterAfterFiveFailuresAndRefusesTheRightPasswordToo() {
    String from = "203.0.113.11";
    for (int i = 1; i <= 5; i++) {
      assertThat(me("throttle-basic", "wrong " + i, from).statusCode())
          .as("failure %d", i)
          .isEqualTo(401);
    }

    var wrong = me("throttle-basic", "wrong 6", from);
    var right = me("throttle-basic", PASSWORD, from);
    var elsewhere = me("throttle-basic", PASSWORD, "203.0.113.12");
    var actuator =
        send(
            request("/actuator/metrics", from)
                .header("Authorization", basic("throttle-basic", PASSWORD))
                .GET());

    for (var refused : List.of(wrong, right, elsewhere, actuator)) {
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
      assertThat(Long.parseLong(retryAfter(refused).orElseThrow())).isBetween(1L, 60L);
      assertThat(refused.body())
          .contains("\"status\":429", "Too many failed sign-ins")
          .doesNotContain("throttle-basic", "Exception", "trace");
    }
  }

  @Test
  void anUnknownUsernameGetsExactlyTheAnswersOfAKnownOne() {
    for (int i = 1; i <= 7; i++) {
      var known = me("throttle-known", "wrong " + i, "203.0.113.21");
      var unknown = me("throttle-nobody", "wrong " + i, "203.0.113.22");

      assertThat(unknown.statusCode()).as("attempt %d", i).isEqualTo(known.statusCode());
      assertThat(unknown.headers().firstValue("Content-Type"))
          .isEqualTo(known.headers().firstValue("Content-Type"));
      assertThat(unknown.headers().firstValue("WWW-Authenticate"))
          .isEqualTo(known.headers().firstValue("WWW-Authenticate"));
      assertThat(retryAfter(unknown).isPresent()).isEqualTo(retryAfter(known).isPresent());
      assertThat(withoutNumbers(unknown.body())).isEqualTo(withoutNumbers(known.body()));
      assertThat(known.statusCode()).isEqualTo(i <= 5 ? 401 : 429);
    }
    assertThat(me("throttle-known", PASSWORD, "203.0.113.21").statusCode()).isEqualTo(429);
  }

  @Test
  void aSuccessfulSignInForgetsTheUsernamesFailures() {
    String from = "203.0.113.31";
    for (int round = 0; round < 2; round++) {
      for (int i = 1; i <= 4; i++) {
        assertThat(me("throttle-reset", "wrong", from).statusCode()).isEqualTo(401);
      }
      assertThat(me("throttle-reset", PASSWORD, from).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theFormSignInIsThrottledTooAndSaysSoWithoutAStack() throws Exception {
    String from = "203.0.113.41";
    Browser browser = new Browser(from);
    for (int i = 1; i <= 5; i++) {
      assertThat(browser.signIn("throttle-form", "wrong " + i)).isEqualTo("/login?error");
    }

    String wrong = browser.signIn("throttle-form", "wrong 6");
    String right = browser.signIn("throttle-form", PASSWORD);
    String unknown = new Browser("203.0.113.42").signInAfterFailures("throttle-form-nobody", 5);

    assertThat(wrong).matches("/login\\?throttled=\\d+");
    assertThat(right).matches("/login\\?throttled=\\d+");
    assertThat(unknown).matches("/login\\?throttled=\\d+");
    String page = browser.get(right);
    assertThat(page)
        .contains("Too many failed sign-ins", "Try again in", "1 minute")
        .doesNotContain("throttle-form", "Exception", "Wrong username or password");
    // The form and Basic count together: the username is locked for the API as well.
    assertThat(me("throttle-form", PASSWORD, from).statusCode()).isEqualTo(429);
  }

  @Test
  void tenFailuresFromOneAddressLockItForEveryUsernameUntilAnAdminUnlocksIt() {
    String from = "203.0.113.51";
    for (int i = 1; i <= 10; i++) {
      assertThat(me("throttle-spray-" + i, "wrong", from).statusCode()).isEqualTo(401);
    }

    assertThat(me("throttle-address", PASSWORD, from).statusCode()).isEqualTo(429);
    assertThat(me("throttle-address", PASSWORD, "203.0.113.52").statusCode()).isEqualTo(200);

    var unlocked = unlock("admin", "{\"address\":\"" + from + "\"}");
    assertThat(unlocked.statusCode()).isEqualTo(200);
    assertThat(unlocked.body()).contains("\"wasLocked\":true");
    assertThat(me("throttle-address", PASSWORD, from).statusCode()).isEqualTo(200);
  }

  @Test
  void anAdminUnlocksAUsernameOthersGet404AndTheAuditTrailHasItAll() throws Exception {
    String from = "203.0.113.61";
    for (int i = 1; i <= 5; i++) {
      me("throttle-unlock", "wrong " + i, from);
    }
    assertThat(me("throttle-unlock", PASSWORD, from).statusCode()).isEqualTo(429);

    var byCarol = unlock("carol", "{\"username\":\"throttle-unlock\"}");
    assertThat(byCarol.statusCode()).isEqualTo(404);
    assertThat(byCarol.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(me("throttle-unlock", PASSWORD, from).statusCode()).isEqualTo(429);
    assertThat(unlock("admin", "{}").statusCode()).isEqualTo(400);

    var byAdmin = unlock("admin", "{\"username\":\"throttle-unlock\"}");
    assertThat(byAdmin.statusCode()).isEqualTo(200);
    assertThat(byAdmin.body()).contains("\"wasLocked\":true");
    assertThat(me("throttle-unlock", PASSWORD, from).statusCode()).isEqualTo(200);

    var audit = events("admin", "?username=throttle-unlock");
    assertThat(audit.statusCode()).isEqualTo(200);
    List<Event> events = json.readValue(audit.body(), new TypeReference<List<Event>>() {});
    // Newest first: the unlock, the lock and the five failures that caused it.
    assertThat(events)
        .extracting(Event::action)
        .containsExactly("UNLOCKED", "LOCKED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED");
    assertThat(events.get(0).actor()).isEqualTo("admin");
    assertThat(events.get(1).detail()).contains("username locked for PT1M after 5 failed");
    assertThat(events.subList(1, 7)).allSatisfy(e -> assertThat(e.address()).isEqualTo(from));
    assertThat(events("carol", "").statusCode()).isEqualTo(404);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Event(String action, String username, String address, String actor, String detail) {}

  /**
   * {@code GET /api/me} with Basic credentials. The JDK's client, because Apache HttpClient (behind
   * {@code TestRestTemplate}) waits out a {@code Retry-After} and asks again by itself.
   */
  private HttpResponse<String> me(String username, String password, String from) {
    return send(
        request("/api/me", from)
            .header("Authorization", basic(username, password))
            .header("Accept", "application/json")
            .GET());
  }

  private HttpResponse<String> unlock(String admin, String json) {
    return send(
        request("/api/admin/sign-in-throttle/unlock", "127.0.0.1")
            .header("Authorization", basic(admin, "demo"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> events(String as, String query) {
    return send(
        request("/api/admin/sign-in-events" + query, "127.0.0.1")
            .header("Authorization", basic(as, "demo"))
            .GET());
  }

  private HttpRequest.Builder request(String path, String from) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("X-Forwarded-For", from);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<String> retryAfter(HttpResponse<String> response) {
    return response.headers().firstValue("Retry-After");
  }

  private static String withoutNumbers(String body) {
    return body == null ? null : body.replaceAll("\\d+", "N");
  }

  /** The sign-in form as a browser behind a proxy posts it; redirects are not followed. */
  private final class Browser {

    private final String from;
    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    Browser(String from) {
      this.from = from;
    }

    /** Posts the form; answers where it sends the browser, without host. */
    String signIn(String username, String password) throws Exception {
      Matcher token = CSRF.matcher(get("/login"));
      assertThat(token.find()).isTrue();
      String form =
          "username="
              + URLEncoder.encode(username, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8)
              + "&_csrf="
              + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
      HttpResponse<String> response =
          client.send(
              request("/login")
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(302);
      URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
      return location.getRawPath() + "?" + location.getRawQuery();
    }

    /** Fails this many times, then answers where one more attempt sends the browser. */
    String signInAfterFailures(String username, int failures) throws Exception {
      for (int i = 1; i <= failures; i++) {
        assertThat(signIn(username, "wrong " + i)).isEqualTo("/login?error");
      }
      return signIn(username, "wrong again");
    }

    String get(String path) throws IOException, InterruptedException {
      return client
          .send(
              request(path).header("Accept", "text/html").build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }

    private HttpRequest.Builder request(String path) {
      return SignInThrottleIT.this.request(path, from);
    }
  }
}
