package com.partnerflow.mdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BrowserTest;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.onboarding.AnApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * axe-core (the npm package of src/main/frontend, loaded from its node_modules, never from a CDN)
 * checks the main pages and the applicant's status page on a desktop and on a phone: no serious or
 * critical violation of WCAG 2.1 A and AA, which covers labels on every input and colour contrast.
 */
@BrowserTest
@PartnerflowIntegrationTest
class AccessibilityBrowserTest {

  static final Path AXE =
      Path.of("src", "main", "frontend", "node_modules", "axe-core", "axe.min.js");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  MdfCaseInReview inReview;
  String statusPage;

  @BeforeEach
  void aRequestInReviewAndAnApplication() {
    inReview = MdfCaseInReview.create(context, "Accessible");
    statusPage = AnApplication.statusPage(context, "Accessible");
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {1400, 390})
  void theMainPagesHaveNoSeriousOrCriticalViolations(int width, WebDriver browser)
      throws IOException {
    browser.manage().window().setSize(new Dimension(width, 900));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    String axe = Files.readString(AXE, StandardCharsets.UTF_8);
    String request = "/mdf-requests/" + inReview.request().getId();
    List<String> violations = new ArrayList<>();

    violations.addAll(
        check(browser, wait, axe, "/apply", By.cssSelector("#partner-application button")));
    violations.addAll(check(browser, wait, axe, statusPage, By.id("next-step")));

    BrowserTest.Chromium.signIn(browser, url(""), inReview.user());
    violations.addAll(check(browser, wait, axe, "/", By.id("start-here")));
    violations.addAll(check(browser, wait, axe, "/mdf-requests", By.tagName("table")));
    violations.addAll(check(browser, wait, axe, request, By.id("mdf-request-summary")));
    violations.addAll(
        check(browser, wait, axe, "/mdf-requests/new", By.id("milestone-share-total")));
    violations.addAll(
        check(
            browser,
            wait,
            axe,
            "/partners/" + inReview.request().getPartnerId(),
            By.id("partner-users")));
    violations.addAll(check(browser, wait, axe, "/scorecard", By.id("scorecard-speed")));

    BrowserTest.Chromium.signIn(browser, url(""), "carol");
    violations.addAll(check(browser, wait, axe, "/tasks?view=group", By.id("task-results")));
    violations.addAll(
        check(
            browser,
            wait,
            axe,
            "/tasks/" + inReview.review().getId(),
            By.cssSelector("#task-form .pf-task-actions button:not([disabled])")));

    BrowserTest.Chromium.signIn(browser, url(""), "admin");
    violations.addAll(check(browser, wait, axe, "/process-owner", By.tagName("h1")));
    violations.addAll(check(browser, wait, axe, "/process-owner/edit", By.id("edit-decisions")));
    violations.addAll(
        check(
            browser,
            wait,
            axe,
            "/process-owner/history/decisions/mdf-approval-routing",
            By.tagName("h1")));
    violations.addAll(check(browser, wait, axe, "/insights", By.cssSelector(".chart canvas")));

    assertThat(violations).as("serious or critical accessibility violations").isEmpty();
  }

  /**
   * Opens the page, waits until it is drawn, runs axe and returns its serious and critical
   * findings.
   */
  List<String> check(WebDriver browser, WebDriverWait wait, String axe, String path, By ready) {
    browser.get(url(path));
    wait.until(ExpectedConditions.presenceOfElementLocated(ready));
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript(axe);
    @SuppressWarnings("unchecked")
    List<String> found =
        (List<String>)
            js.executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                  .then(result => done(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
    return found.stream().map(v -> path + " — " + v).toList();
  }
}
