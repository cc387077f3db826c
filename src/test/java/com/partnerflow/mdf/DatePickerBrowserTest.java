package com.partnerflow.mdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BrowserTest;
import com.partnerflow.PartnerflowIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
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
 * One date format per locale: the date picker of a form (form-js, from the browser's locale) shows
 * a date exactly as the pages and the review form's text write it (web.Labels, from the request's
 * locale), and a day picked in the calendar reads the same way; never as an ISO date.
 */
@BrowserTest
@PartnerflowIntegrationTest
class DatePickerBrowserTest {

  static final By START_DATE =
      By.xpath(
          "//div[@id='mdf-request-form']//label[starts-with(normalize-space(.), 'Start date')]");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  MdfCaseInReview inReview;

  @BeforeEach
  void aRequestInReview() {
    inReview = MdfCaseInReview.create(context, "Dates");
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** "12/15/2026" → "#/#/#": the order and separators of a date format, not its digits. */
  static String shape(String date) {
    return date.replaceAll("\\d+", "#");
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {1400, 390})
  void thePickerTheFormsAndThePagesWriteDatesAlike(int width, WebDriver browser) {
    browser.manage().window().setSize(new Dimension(width, 900));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    String iso = inReview.request().getStartDate().toString();
    BrowserTest.Chromium.signIn(browser, url(""), inReview.user());

    browser.get(url("/mdf-requests/" + inReview.request().getId()));
    String summary =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mdf-request-facts")))
            .getText();

    browser.get(url("/mdf-requests/new"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("milestone-share-total")));
    Object imported =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "var iso = arguments[0]; var done = arguments[arguments.length - 1];"
                    + "var form = document.getElementById('mdf-request-form').partnerflowForm;"
                    + "fetch('/api/mdf-requests/form').then(function (r) { return r.json(); })"
                    + ".then(function (schema) {"
                    + "  return form.importSchema(schema, {startDate: iso, endDate: iso}); })"
                    + ".then(function () { done(true); }, function (e) { done(String(e)); });",
                iso);
    assertThat(imported).isEqualTo(true);
    WebElement startDate =
        browser.findElement(
            By.id(
                wait.until(ExpectedConditions.presenceOfElementLocated(START_DATE))
                    .getAttribute("for")));
    String shown = startDate.getAttribute("value");
    assertThat(shown).isNotBlank().isNotEqualTo(iso).doesNotContain(iso);
    assertThat(summary).contains(shown + " to " + shown);
    assertThat(startDate.getAttribute("placeholder").replaceAll("[a-z]+", "#"))
        .isEqualTo(shape(shown));

    // Another day picked in the calendar reads the same way.
    startDate.click();
    WebElement day =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(
                    ".flatpickr-calendar.open .flatpickr-day:not(.flatpickr-disabled)"
                        + ":not(.prevMonthDay):not(.nextMonthDay):not(.selected)")));
    day.click();
    wait.until(d -> !startDate.getAttribute("value").equals(shown));
    String picked = startDate.getAttribute("value");
    assertThat(shape(picked)).isEqualTo(shape(shown));
    BrowserTest.Chromium.screenshot(browser, "date-picker-" + width);

    // The approver's review form writes the request's dates like the page and the picker.
    BrowserTest.Chromium.signIn(browser, url(""), "carol");
    browser.get(url("/tasks/" + inReview.review().getId()));
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#task-form .pf-task-actions button:not([disabled])")));
    List<String> texts =
        browser.findElements(By.cssSelector("#task-form .fjs-form-field-text")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(String.join("\n", texts)).contains("from " + shown + " to " + shown);
  }
}
