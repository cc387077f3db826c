package com.partnerflow.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BrowserTest;
import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.disbursement.DisbursementDriver;
import com.partnerflow.disbursement.DisbursementDriver.TestPartner;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.InboxTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dispute form in a real browser: from the rejected request's page to the form, the server's
 * refusal of an amount above what the decision withheld next to the amount field, then the opened
 * dispute's page with the confirmation and the evidence file chosen with the form.
 */
@BrowserTest
@PartnerflowIntegrationTest
class DisputeFormBrowserTest {

  static final By SUBMIT = By.cssSelector("#dispute-form > button");

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired PartnerBankAccounts bankAccounts;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired InboxTasks tasks;
  @Autowired BusinessTime time;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Fills the whole form at once through form-js, with the schema the page carries. */
  static void fill(WebDriver browser, WebDriverWait wait, String amount) {
    String data =
        """
        {"disputedAmount":%s,"category":"ELIGIBILITY","explanation":"It was in the plan"}"""
            .formatted(amount);
    Object imported =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "var data = JSON.parse(arguments[0]); var done = arguments[arguments.length - 1];"
                    // A focused number field keeps what it shows and writes it back when it loses
                    // focus (the submit click), over the imported data: blur it first.
                    + "if (document.activeElement) { document.activeElement.blur(); }"
                    + "var root = document.getElementById('dispute-form');"
                    + "root.partnerflowForm.importSchema(JSON.parse(root.dataset.schema), data)"
                    + ".then(function () { done(true); }, function (e) { done(String(e)); });",
                data);
    assertThat(imported).isEqualTo(true);
    wait.until(ExpectedConditions.elementToBeClickable(SUBMIT));
  }

  @Test
  void thePartnerDisputesTheRejectionFromTheRequestPage(WebDriver browser) throws Exception {
    time.ensureDaysLeftInPeriod(10);
    DisbursementDriver money =
        new DisbursementDriver(http, partners, accounts, funds, tasks, time, bankAccounts);
    TestPartner partner = money.newPartner("20000.00");
    String requestId = new DisputeDriver(money, tasks).rejectedRequest(partner, "1000.00");

    browser.manage().window().setSize(new Dimension(1400, 900));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    BrowserTest.Chromium.signIn(browser, url(""), partner.user());
    browser.get(url("/mdf-requests/" + requestId));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("dispute-request"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(SUBMIT));

    fill(browser, wait, "1500.00");
    browser.findElement(SUBMIT).click();
    WebElement error =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".pf-invalid .pf-field-error")));
    assertThat(error.getText()).contains("1000.00");
    assertThat(
            error
                .findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"))
                .getText())
        .contains("Disputed amount");
    assertThat(browser.getCurrentUrl()).contains("/disputes/new");

    fill(browser, wait, "400.00");
    // Evidence chosen with the form is handed in with the dispute once it is opened.
    Path evidence = Files.createTempFile("dispute-evidence", ".pdf");
    Files.write(evidence, DisbursementDriver.uniquePdf());
    browser.findElement(By.id("dispute-files")).sendKeys(evidence.toAbsolutePath().toString());
    browser.findElement(SUBMIT).click();
    wait.until(ExpectedConditions.urlMatches(".*/disputes/[0-9a-f-]{36}$"));
    WebElement flash = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pf-flash")));
    assertThat(flash.getText()).contains("Your dispute was opened");
    assertThat(browser.findElement(By.id("dispute-summary")).getText())
        .contains("400.00")
        .contains("It was in the plan");
    assertThat(browser.findElement(By.id("dispute-evidence")).getText())
        .contains(evidence.getFileName().toString());
    BrowserTest.Chromium.screenshot(browser, "dispute-opened");
  }
}
