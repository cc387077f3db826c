package com.partnerflow.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BrowserTest;
import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.fund.FundLedger;
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
 * The dashboard in a real browser: ECharts (served from /vendor/echarts/) draws every chart under
 * the page's Content-Security-Policy, on a wide screen and on a phone without sideways scrolling.
 */
@BrowserTest
@PartnerflowIntegrationTest
class InsightsBrowserTest {

  static final List<String> CHARTS =
      List.of(
          "chart-utilisation",
          "chart-burndown",
          "chart-funnel",
          "chart-roi",
          "chart-speed",
          "chart-reconciliation");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired FundLedger ledger;
  @Autowired RequestOutcomes outcomes;
  @Autowired BusinessTime time;
  InsightsData data;

  @BeforeEach
  void seed() {
    data = InsightsData.seededOnce(jdbc, ledger, outcomes, time.currentPeriod());
  }

  @Test
  void theDashboardDrawsEveryChart(WebDriver browser) {
    for (int width : new int[] {1400, 390}) {
      browser.manage().window().setSize(new Dimension(width, 900));
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
      if (width == 1400) {
        BrowserTest.Chromium.signIn(browser, "http://localhost:" + port, "grace");
      }
      browser.get("http://localhost:" + port + "/insights?period=" + data.period.id());
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
      Boolean sideways =
          (Boolean)
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "return document.documentElement.scrollWidth"
                          + " > document.documentElement.clientWidth;");
      assertThat(sideways).as("scrolls sideways at " + width + " px").isFalse();
      BrowserTest.Chromium.screenshot(browser, "insights-" + width);
    }
  }
}
