package com.partnerflow.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BrowserTest;
import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.UserAccounts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A partner's user follows the navigation to their scorecard and sees its charts drawn by ECharts
 * under the page's Content-Security-Policy, beside the tables, on a wide screen and on a phone
 * without sideways scrolling.
 */
@BrowserTest
@PartnerflowIntegrationTest
class ScorecardBrowserTest {

  static final List<String> CHARTS =
      List.of("chart-scorecard-utilisation", "chart-scorecard-results", "chart-scorecard-speed");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired FundLedger ledger;
  @Autowired RequestOutcomes outcomes;
  @Autowired UserAccounts accounts;
  @Autowired BusinessTime time;
  ScorecardData data;

  @BeforeEach
  void seed() {
    data = ScorecardData.seededOnce(jdbc, ledger, outcomes, accounts, time.currentPeriod());
  }

  @Test
  void aPartnerSeesTheirScorecardWithItsCharts(WebDriver browser) {
    String base = "http://localhost:" + port;
    BrowserTest.Chromium.signIn(browser, base, data.userS);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.manage().window().setSize(new Dimension(1400, 900));
    browser.get(base + "/");
    wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Scorecard"))).click();
    wait.until(ExpectedConditions.urlContains("/partners/" + data.s + "/scorecard"));
    for (int width : new int[] {1400, 390}) {
      browser.manage().window().setSize(new Dimension(width, 900));
      browser.get(base + "/partners/" + data.s + "/scorecard?period=" + data.period.id());
      for (String chart : CHARTS) {
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#" + chart + "[data-rendered='true'] canvas")));
        Long drawn =
            (Long)
                ((JavascriptExecutor) browser)
                    .executeScript(
                        "var c = document.querySelector('#' + arguments[0] + ' canvas');"
                            + "return c.width * c.height;",
                        chart);
        assertThat(drawn).as(chart).isPositive();
      }
      assertThat(browser.findElement(By.tagName("h1")).getText()).contains(data.nameS);
      assertThat(browser.findElement(By.id("scorecard-EUR")).getText())
          .contains("€10,000.00")
          .contains("€6,000.00")
          .contains("Tier average (3 partners)");
      Boolean sideways =
          (Boolean)
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "return document.documentElement.scrollWidth"
                          + " > document.documentElement.clientWidth;");
      assertThat(sideways).as("scrolls sideways at " + width + " px").isFalse();
      BrowserTest.Chromium.screenshot(browser, "scorecard-" + width);
    }
  }
}
