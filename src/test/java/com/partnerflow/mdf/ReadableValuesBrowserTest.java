package com.partnerflow.mdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BrowserTest;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.task.InboxTask;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Readable values in a real browser, on a desktop and on a phone: the approver's task list names
 * the request and the partner instead of their ids, the task page links to both, and the partner
 * reads statuses, amounts and who holds the request in words, never an internal group id.
 */
@BrowserTest
@PartnerflowIntegrationTest
class ReadableValuesBrowserTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  String partnerName;
  String partnerUser;
  String title;
  MdfRequest request;
  InboxTask review;

  @BeforeEach
  void aRequestInReview() {
    MdfCaseInReview inReview = MdfCaseInReview.create(context, "Readable");
    partnerName = inReview.partnerName();
    partnerUser = inReview.user();
    request = inReview.request();
    title = request.getTitle();
    review = inReview.review();
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {1400, 390})
  void theTaskListNamesTheRequestAndThePartnerAndTheTaskLinksToThem(int width, WebDriver browser) {
    browser.manage().window().setSize(new Dimension(width, 900));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    BrowserTest.Chromium.signIn(browser, url(""), "carol");

    browser.get(url("/tasks?view=group"));
    WebElement row =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-task-id='" + review.getId() + "']")));
    WebElement about = row.findElement(By.cssSelector("td.task-cases"));
    assertThat(about.getText())
        .contains(title)
        .contains(partnerName)
        .doesNotContain(request.getId())
        .doesNotContain(request.getPartnerId());
    assertThat(about.findElement(By.cssSelector(".case-title a")).getAttribute("href"))
        .isEqualTo(url("/mdf-requests/" + request.getId()));
    BrowserTest.Chromium.screenshot(browser, "readable-task-list-" + width);

    browser.get(url("/tasks/" + review.getId()));
    WebElement facts =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-facts")));
    assertThat(facts.findElement(By.linkText(title)).getAttribute("href"))
        .isEqualTo(url("/mdf-requests/" + request.getId()));
    assertThat(facts.findElement(By.linkText(partnerName)).getAttribute("href"))
        .isEqualTo(url("/partners/" + request.getPartnerId()));
    assertThat(facts.getText()).contains("Channel managers").doesNotContain("channel-managers");
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {1400, 390})
  void aPartnerReadsWordsAndAmountsAndNeverAnInternalGroupId(int width, WebDriver browser) {
    browser.manage().window().setSize(new Dimension(width, 900));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    BrowserTest.Chromium.signIn(browser, url(""), partnerUser);

    browser.get(url("/mdf-requests"));
    String list =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main"))).getText();
    assertThat(list)
        .contains(title)
        .contains("In review")
        .contains("The channel team")
        .contains("€5,000.50")
        .doesNotContain(request.getHolderGroup())
        .doesNotContain("IN_REVIEW")
        .doesNotContain("WEBINAR");

    browser.get(url("/mdf-requests/" + request.getId()));
    String page =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mdf-request-summary")))
            .getText();
    assertThat(page)
        .contains("In review")
        .contains("The channel team")
        .contains("Webinar")
        .contains("€10,001.00")
        .contains("€5,000.50")
        .doesNotContain(request.getHolderGroup())
        .doesNotContain("IN_REVIEW");
    assertThat(browser.getPageSource()).doesNotContain(">" + request.getHolderGroup() + "<");
    BrowserTest.Chromium.screenshot(browser, "readable-request-" + width);
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {1400, 390})
  void theReviewFormReadsWordsAmountsDatesAndTheRiskSignalsAsAList(int width, WebDriver browser) {
    browser.manage().window().setSize(new Dimension(width, 900));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    BrowserTest.Chromium.signIn(browser, url(""), "carol");

    browser.get(url("/tasks/" + review.getId()));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#task-form .pf-task-actions button:not([disabled])")));
    List<WebElement> texts =
        browser.findElements(By.cssSelector("#task-form .fjs-form-field-text"));
    String shown = texts.stream().map(WebElement::getText).reduce("", (a, b) -> a + "\n" + b);
    assertThat(shown)
        .contains(title)
        .contains("Webinar")
        .contains("5,000.50 EUR")
        .contains("50,000.00 EUR")
        .containsPattern("Risk: (Low|Medium|High) \\(score \\d+\\)")
        .doesNotContain("WEBINAR")
        .doesNotContain("5000.5")
        .doesNotContain("50000")
        .doesNotContain("[\"")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    WebElement risk =
        texts.stream().filter(t -> t.getText().startsWith("Risk:")).findFirst().orElseThrow();
    List<String> signals =
        risk.findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
    List<String> scored =
        context.getBean(MdfRequests.class).findById(request.getId()).orElseThrow().getRiskSignals();
    assertThat(signals).isEqualTo(scored);
    if (scored.isEmpty()) {
      assertThat(risk.getText()).endsWith("No risk signals.");
    }
    BrowserTest.Chromium.screenshot(browser, "readable-review-form-" + width);
  }
}
