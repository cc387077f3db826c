package com.partnerflow.mdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BrowserTest;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.onboarding.AnApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Every main page fits the screen on a phone (390 px) and on a desktop (1,400 px): the page itself
 * never scrolls sideways ({@code scrollWidth <= clientWidth}); wide tables scroll inside their own
 * box, and the MDF list and the partner's funds become one card per row on a phone.
 */
@BrowserTest
@PartnerflowIntegrationTest
class NoSidewaysScrollingBrowserTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  MdfCaseInReview inReview;
  String statusPage;

  @BeforeEach
  void data() {
    inReview = MdfCaseInReview.create(context, "Narrow");
    statusPage = AnApplication.statusPage(context, "Narrow");
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {1400, 390})
  void noMainPageScrollsSideways(int width, WebDriver browser) {
    browser.manage().window().setSize(new Dimension(width, 900));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    String request = "/mdf-requests/" + inReview.request().getId();
    String partner = "/partners/" + inReview.request().getPartnerId();
    List<String> overflowing = new ArrayList<>();

    overflowing.addAll(check(browser, wait, "/login", By.name("username")));
    overflowing.addAll(
        check(browser, wait, "/apply", By.cssSelector("#partner-application button")));
    overflowing.addAll(check(browser, wait, statusPage, By.id("next-step")));

    BrowserTest.Chromium.signIn(browser, url(""), inReview.user());
    overflowing.addAll(check(browser, wait, "/", By.id("start-here")));
    overflowing.addAll(check(browser, wait, "/tasks", By.id("task-results")));
    overflowing.addAll(check(browser, wait, "/mdf-requests", By.tagName("table")));
    overflowing.addAll(check(browser, wait, request, By.id("mdf-request-summary")));
    overflowing.addAll(check(browser, wait, "/mdf-requests/new", By.id("milestone-share-total")));
    overflowing.addAll(check(browser, wait, partner, By.id("partner-users")));
    overflowing.addAll(check(browser, wait, "/scorecard", By.id("scorecard-speed")));

    BrowserTest.Chromium.signIn(browser, url(""), "carol");
    overflowing.addAll(check(browser, wait, "/tasks?view=group", By.id("task-results")));
    overflowing.addAll(
        check(
            browser,
            wait,
            "/tasks/" + inReview.review().getId(),
            By.cssSelector("#task-form .pf-task-actions button:not([disabled])")));
    overflowing.addAll(check(browser, wait, "/partner-applications", By.tagName("table")));
    overflowing.addAll(check(browser, wait, "/partners", By.tagName("table")));

    BrowserTest.Chromium.signIn(browser, url(""), "admin");
    overflowing.addAll(check(browser, wait, "/mdf-requests", By.tagName("table")));
    overflowing.addAll(check(browser, wait, request, By.id("mdf-request-risk")));
    overflowing.addAll(check(browser, wait, partner, By.id("partner-users")));
    overflowing.addAll(check(browser, wait, "/disbursements/verification", By.tagName("h1")));
    overflowing.addAll(check(browser, wait, "/payments", By.id("payment-list")));
    overflowing.addAll(check(browser, wait, "/process-owner", By.id("deployed")));
    overflowing.addAll(check(browser, wait, "/process-owner/deployments", By.id("upload")));

    assertThat(overflowing).as("pages wider than the %d px screen", width).isEmpty();
  }

  @Test
  void onAPhoneTheMdfListAndTheFundsAreCardsWithEveryAmountOnScreen(WebDriver browser) {
    browser.manage().window().setSize(new Dimension(390, 844));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    BrowserTest.Chromium.signIn(browser, url(""), inReview.user());

    browser.get(url("/mdf-requests"));
    WebElement row =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[aria-label='MDF requests'] table.stack tbody tr")));
    assertThat(
            browser
                .findElement(By.cssSelector("[aria-label='MDF requests'] table.stack thead"))
                .getSize()
                .getHeight())
        .isLessThanOrEqualTo(1);
    WebElement requested = row.findElement(By.cssSelector("td[data-label='Requested']"));
    assertThat(right(browser, requested)).isLessThanOrEqualTo(390);
    assertThat(labelOf(browser, requested)).isEqualTo("Requested");
    BrowserTest.Chromium.screenshot(browser, "phone-mdf-list");

    browser.get(url("/partners/" + inReview.request().getPartnerId()));
    WebElement available =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("table.stack td[data-label='Available']")));
    WebElement paid = browser.findElement(By.cssSelector("table.stack td[data-label='Paid']"));
    assertThat(available.isDisplayed()).isTrue();
    assertThat(right(browser, available)).isLessThanOrEqualTo(390);
    assertThat(right(browser, paid)).isLessThanOrEqualTo(390);
    assertThat(available.getText()).contains("€");
    BrowserTest.Chromium.screenshot(browser, "phone-partner-funds");
  }

  static long right(WebDriver browser, WebElement element) {
    return (Long)
        ((JavascriptExecutor) browser)
            .executeScript(
                "return Math.ceil(arguments[0].getBoundingClientRect().right);", element);
  }

  static String labelOf(WebDriver browser, WebElement cell) {
    return ((String)
            ((JavascriptExecutor) browser)
                .executeScript("return getComputedStyle(arguments[0], '::before').content;", cell))
        .replace("\"", "");
  }

  /**
   * Opens the page, waits until it is drawn and answers what makes it wider than the screen: the
   * elements reaching past its right edge outside a scrolling box, or nothing.
   */
  List<String> check(WebDriver browser, WebDriverWait wait, String path, By ready) {
    browser.get(url(path));
    wait.until(ExpectedConditions.presenceOfElementLocated(ready));
    @SuppressWarnings("unchecked")
    Map<String, Object> found =
        (Map<String, Object>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    """
                    const root = document.documentElement;
                    const width = root.clientWidth;
                    const wide = [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > width + 1
                        && !e.closest('.table-scroll, .table-card'))
                      .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (typeof e.className === 'string' && e.className.trim()
                          ? '.' + e.className.trim().replace(/ +/g, '.') : ''))
                      .slice(0, 5);
                    return { scrollWidth: root.scrollWidth, clientWidth: width, wide: wide };
                    """);
    long scrollWidth = (Long) found.get("scrollWidth");
    long clientWidth = (Long) found.get("clientWidth");
    if (scrollWidth <= clientWidth) {
      return List.of();
    }
    BrowserTest.Chromium.screenshot(browser, "too-wide" + path.replaceAll("[^a-z0-9]+", "-"));
    return List.of(path + ": " + scrollWidth + " > " + clientWidth + " px, " + found.get("wide"));
  }
}
