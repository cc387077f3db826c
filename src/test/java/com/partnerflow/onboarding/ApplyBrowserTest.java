package com.partnerflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BrowserTest;
import com.partnerflow.PartnerflowIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A company applies in a real browser, without an account: the public page renders
 * forms/partner-application.form with form-js, refuses an empty form, and after filling it in
 * thanks the applicant on their status page (not with a bare id), whose address is their token.
 */
@BrowserTest
@PartnerflowIntegrationTest
class ApplyBrowserTest {

  static final By SUBMIT = By.cssSelector("#partner-application > button");
  static final By THANKS = By.cssSelector("#partner-application p.notice");
  static final Pattern STATUS_PAGE = Pattern.compile("/application-status/([A-Za-z0-9_-]{43})$");

  @LocalServerPort int port;
  @Autowired PartnerApplications applications;
  WebDriver browser;
  WebDriverWait wait;

  /** The input of the field whose label starts with the text, within the form. */
  WebElement field(String label) {
    WebElement labelled =
        browser.findElement(
            By.xpath(
                "//div[@id='partner-application']//label[starts-with(normalize-space(.), '"
                    + label
                    + "')]"));
    return browser.findElement(By.id(labelled.getAttribute("for")));
  }

  /**
   * Types into a field and waits until form-js has taken the value: its "required" error from the
   * empty submit goes away. form-js applies typed text with a delay, and a re-render before that
   * would wipe what is being typed into the next field.
   */
  void type(String label, String text) {
    field(label).sendKeys(text);
    accepted(label);
  }

  void accepted(String label) {
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.xpath(
                "//label[starts-with(normalize-space(.), '"
                    + label
                    + "')]/ancestor::div[contains(@class,'fjs-form-field ')][1]"
                    + "//*[contains(@class,'fjs-form-field-error')]")));
  }

  /** Opens a form-js select and picks the option with this label. */
  void choose(String label, String option) {
    field(label).findElement(By.xpath("..")).click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='"
                        + option
                        + "']")))
        .click();
    accepted(label);
  }

  @Test
  void aCompanyAppliesThroughTheRenderedForm(WebDriver browser) {
    this.browser = browser;
    this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    String tag = UUID.randomUUID().toString().substring(0, 8);

    browser.get("http://localhost:" + port + "/apply");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    WebElement submit = wait.until(ExpectedConditions.elementToBeClickable(SUBMIT));

    // Empty: form-js stops it in the browser; nothing is sent.
    submit.click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#partner-application .fjs-form-field-error")));
    assertThat(browser.findElements(THANKS)).isEmpty();
    BrowserTest.Chromium.screenshot(browser, "apply-invalid");

    type("Company name", "Browserco " + tag);
    type("Website", "https://browserco-" + tag + ".example");
    type("Country", "DE");
    choose("Region", "Europe, Middle East, Africa");
    choose("Partner type", "Reseller");
    browser
        .findElement(
            By.xpath(
                "//div[contains(@class,'fjs-form-field-checklist')]//label[normalize-space(.)="
                    + "'Retail']"))
        .click();
    accepted("Target verticals");
    type("Expected annual revenue", "250000");
    type("Number of certified staff", "2");
    type("Primary contact name", "Bea Browser");
    type("Primary contact e-mail", "bea@browserco-" + tag + ".example");
    field("I accept the program terms").click();
    accepted("I accept the program terms");
    BrowserTest.Chromium.screenshot(browser, "apply-filled");
    submit.click();

    wait.until(ExpectedConditions.urlContains("/application-status/"));
    WebElement thanks =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pf-flash")));
    assertThat(thanks.getText()).startsWith("Thank you");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Browserco " + tag);
    assertThat(browser.findElement(By.id("next-step")).getText()).contains("What happens next");
    BrowserTest.Chromium.screenshot(browser, "apply-thanks");
    Matcher token = STATUS_PAGE.matcher(browser.getCurrentUrl());
    assertThat(token.find()).as(browser.getCurrentUrl()).isTrue();
    PartnerApplication stored = applications.findByStatusToken(token.group(1)).orElseThrow();
    assertThat(browser.getPageSource()).doesNotContain(stored.getId());
    assertThat(stored.getCompanyName()).isEqualTo("Browserco " + tag);
    assertThat(stored.getDomain()).isEqualTo("browserco-" + tag + ".example");
    assertThat(stored.getRegion()).isEqualTo("EMEA");
    assertThat(stored.getPartnerType()).isEqualTo("RESELLER");
    assertThat(stored.getVerticals()).containsExactly("RETAIL");
    assertThat(stored.getContactEmail()).isEqualTo("bea@browserco-" + tag + ".example");
  }
}
