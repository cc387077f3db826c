package com.partnerflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP session for page tests: signs in through the login form (with its CSRF token)
 * and keeps the session cookie; redirects are not followed so tests can see them.
 */
public final class UiSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;

  private UiSession(int port) {
    this.base = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Signs in a demo user (password {@code demo}). */
  public static UiSession signIn(int port, String username) {
    return signIn(port, username, "demo");
  }

  public static UiSession signIn(int port, String username, String password) {
    UiSession session = new UiSession(port);
    HttpResponse<String> login =
        session.post(
            "/login",
            "username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8),
            "/login");
    assertThat(login.statusCode()).as("sign-in of " + username).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElse(""))
        .as("sign-in of " + username)
        .doesNotContain("error");
    return session;
  }

  /** An API call with the session, as the UI's scripts make it. */
  public HttpResponse<String> getJson(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json"));
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html"));
  }

  public HttpResponse<String> get(String path, String header, String value) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "text/html")
            .header(header, value));
  }

  /** Posts a form with the CSRF token of the page at {@code tokenPage}. */
  public HttpResponse<String> post(String path, String form, String tokenPage) {
    Matcher token = CSRF.matcher(get(tokenPage).body());
    assertThat(token.find()).as("CSRF token on " + tokenPage).isTrue();
    String body =
        (form.isEmpty() ? "" : form + "&")
            + "_csrf="
            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Posts one file as a browser's multipart form does, with the CSRF token of the page at {@code
   * tokenPage} as the form's hidden {@code _csrf} field.
   */
  public HttpResponse<String> postFile(
      String path, String field, String fileName, String content, String tokenPage) {
    Matcher token = CSRF.matcher(get(tokenPage).body());
    assertThat(token.find()).as("CSRF token on " + tokenPage).isTrue();
    String boundary = "----partnerflow" + System.nanoTime();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + token.group(1)
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            + content
            + "\r\n--"
            + boundary
            + "--\r\n";
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

  private String csrfToken;

  /**
   * Posts JSON to the API as the UI's scripts do: with the session and the CSRF header of the
   * layout's meta tags (read once from {@code tokenPage}).
   */
  public HttpResponse<String> postJson(String path, String json, String tokenPage) {
    if (csrfToken == null) {
      Matcher token = CSRF_META.matcher(get(tokenPage).body());
      assertThat(token.find()).as("CSRF meta tag on " + tokenPage).isTrue();
      csrfToken = token.group(1);
    }
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("X-CSRF-TOKEN", csrfToken)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
