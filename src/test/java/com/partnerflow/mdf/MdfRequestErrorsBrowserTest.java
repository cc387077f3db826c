package com.partnerflow.mdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BrowserTest;
import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.LedgerMovement;
import com.partnerflow.fund.Money;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
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

/**
 * An invalid MDF request in a real browser, on a desktop and on a phone: what the browser can check
 * (milestone shares, dates) and what only the server knows (the budget's currency) is shown next to
 * the field it is about, in words, and the first one is scrolled into view. Nothing is stored.
 */
@BrowserTest
@PartnerflowIntegrationTest
class MdfRequestErrorsBrowserTest {

  static final By SUBMIT = By.cssSelector("#mdf-request-form > button");

  @LocalServerPort int port;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired MdfRequests requests;
  @Autowired BusinessTime time;

  String user;
  String partnerId;

  @BeforeEach
  void aPartnerWithABudgetInEuro() {
    user = "er" + UUID.randomUUID().toString().substring(0, 8);
    Partner partner =
        partners.save(
            new Partner("Errors " + user, user + ".example", Tier.SILVER, Region.EMEA, time.now()));
    partnerId = partner.getId();
    accounts.createIfAbsent(user, "demo", "User " + user, null, partnerId, Set.of());
    funds.allocate(
        LedgerMovement.of(partnerId, funds.currentPeriod(), Money.of("50000", "EUR"))
            .withKey("test-allocation:" + partnerId)
            .by("test")
            .because("budget of a test partner"));
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  WebDriverWait openTheForm(WebDriver browser, int width) {
    browser.manage().window().setSize(new Dimension(width, 900));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    BrowserTest.Chromium.signIn(browser, url(""), user);
    browser.get(url("/mdf-requests/new"));
    wait.until(ExpectedConditions.elementToBeClickable(SUBMIT));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("milestone-share-total")));
    return wait;
  }

  /** Fills the whole form at once through form-js (typing into date pickers is not the point). */
  void fill(
      WebDriver browser, WebDriverWait wait, String currency, LocalDate start, int... shares) {
    StringBuilder milestones = new StringBuilder();
    for (int i = 0; i < shares.length; i++) {
      milestones
          .append(i == 0 ? "" : ",")
          .append("{\"name\":\"Step ")
          .append(i + 1)
          .append("\",\"plannedDate\":\"")
          .append(start)
          .append("\",\"sharePercent\":")
          .append(shares[i])
          .append('}');
    }
    String data =
        """
        {"activityType":"WEBINAR","title":"Errors webinar","description":"Joint webinar",
         "region":"EMEA","startDate":"%s","endDate":"%s","currency":"%s","totalCost":2000,
         "requestedAmount":1000,"partnerContribution":1000,"expectedRegistrations":100,
         "expectedLeads":20,"expectedPipeline":50000,"milestones":[%s]}
        """
            .formatted(start, start, currency, milestones);
    Object imported =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "var data = JSON.parse(arguments[0]); var done = arguments[arguments.length - 1];"
                    + "var form = document.getElementById('mdf-request-form').partnerflowForm;"
                    + "fetch('/api/mdf-requests/form').then(function (r) { return r.json(); })"
                    + ".then(function (schema) { return form.importSchema(schema, data); })"
                    + ".then(function () { done(true); }, function (e) { done(String(e)); });",
                data);
    assertThat(imported).isEqualTo(true);
    wait.until(ExpectedConditions.elementToBeClickable(SUBMIT));
  }

  static boolean inView(WebDriver browser, WebElement element) {
    return (Boolean)
        ((JavascriptExecutor) browser)
            .executeScript(
                "var r = arguments[0].getBoundingClientRect();"
                    + "return r.top >= 0 && r.bottom <= window.innerHeight;",
                element);
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {1400, 390})
  void theBrowsersChecksStandNextToTheirFieldsInView(int width, WebDriver browser) {
    WebDriverWait wait = openTheForm(browser, width);
    fill(browser, wait, "EUR", time.today().plusDays(14), 40, 50);
    assertThat(browser.findElement(By.id("milestone-share-total")).getText())
        .isEqualTo("Shares so far: 90 % of 100 % (10 % to go).");

    browser.findElement(SUBMIT).click();
    WebElement error =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".fjs-form-field-dynamiclist > .pf-field-error")));
    assertThat(error.getText()).isEqualTo("The shares add up to 90 %; they must add up to 100 %.");
    wait.until(d -> inView(d, error));
    BrowserTest.Chromium.screenshot(browser, "mdf-request-shares-" + width);

    fill(browser, wait, "EUR", LocalDate.of(2020, 1, 6), 40, 60);
    browser.findElement(SUBMIT).click();
    WebElement start =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".pf-invalid .pf-field-error")));
    assertThat(start.getText()).isEqualTo("The activity must start in the future (after today).");
    wait.until(d -> inView(d, start));
    assertThat(requests.findAll()).noneMatch(r -> r.getPartnerId().equals(partnerId));
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {1400, 390})
  void theServersErrorsStandNextToTheirFieldsInWords(int width, WebDriver browser) {
    WebDriverWait wait = openTheForm(browser, width);
    fill(browser, wait, "USD", time.today().plusDays(14), 40, 60);
    browser.findElement(SUBMIT).click();

    WebElement error =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".fjs-form-field-select.pf-invalid .pf-field-error")));
    assertThat(error.getText()).isEqualTo("Must be the currency of the partner's budget [EUR].");
    assertThat(
            error
                .findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"))
                .getText())
        .contains("Currency");
    wait.until(d -> inView(d, error));
    assertThat(browser.findElement(SUBMIT).getText()).isEqualTo("Submit request");
    assertThat(browser.findElement(SUBMIT).isEnabled()).isTrue();
    BrowserTest.Chromium.screenshot(browser, "mdf-request-server-error-" + width);
    assertThat(requests.findAll()).noneMatch(r -> r.getPartnerId().equals(partnerId));
  }
}
