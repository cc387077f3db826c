package com.partnerflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BrowserTest;
import com.partnerflow.PartnerflowIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A real browser signs in through the login page; the build's vendor assets are served. */
@BrowserTest
@PartnerflowIntegrationTest
class SignInBrowserTest {

  @LocalServerPort int port;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void signsInAndSeesTheWelcome(WebDriver browser) throws Exception {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

    browser.get(url("/"));
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.name("username")).sendKeys("carol");
    browser.findElement(By.name("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("form.card button[type=submit]")).click();

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome, Carol Chen");

    // The bundle the task pages use loads in the browser and exposes form-js' viewer.
    Object formViewer =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                const script = document.createElement('script');
                script.src = '/vendor/form-js/form-viewer.umd.js';
                script.onload = () => done(typeof window.FormViewer?.Form);
                script.onerror = () => done('failed to load');
                document.head.appendChild(script);
                """);
    assertThat(formViewer).isEqualTo("function");

    Path shot = BrowserTest.Chromium.screenshot(browser, "sign-in-welcome");
    assertThat(Files.size(shot)).isPositive();
  }

  @Test
  void servesTheVendorAssetsWithoutSignIn() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path :
        new String[] {
          "/vendor/form-js/form-viewer.umd.js",
          "/vendor/form-js/form-js.css",
          "/vendor/form-js/flatpickr/light.css",
          "/vendor/htmx/htmx.min.js",
          "/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js",
          "/vendor/bpmn-js/assets/bpmn-js.css",
          "/vendor/bpmn-js/assets/bpmn-font/font/bpmn.woff2",
          "/js/task-form.js"
        }) {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url(path))).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body().length).as(path).isPositive();
    }
  }
}
