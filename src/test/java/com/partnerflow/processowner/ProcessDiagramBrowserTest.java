package com.partnerflow.processowner;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BrowserTest;
import com.partnerflow.PartnerflowIntegrationTest;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A process owner opens a deployed process from the workspace and bpmn-js draws it. */
@BrowserTest
@PartnerflowIntegrationTest
class ProcessDiagramBrowserTest {

  @LocalServerPort int port;

  @Test
  void theMdfRequestDiagramIsDrawnWithItsNamedElements(WebDriver browser) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get("http://localhost:" + port + "/login");
    browser.findElement(By.name("username")).sendKeys("olivia");
    browser.findElement(By.name("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Processes")));

    browser.findElement(By.linkText("Processes")).click();
    browser.findElement(By.linkText("mdf-request")).click();

    wait.until(ExpectedConditions.attributeToBe(By.id("process-diagram"), "data-rendered", "true"));
    assertThat(
            browser.findElements(
                By.cssSelector(
                    "#process-diagram .djs-element[data-element-id='ReviewMdfRequestTask']")))
        .isNotEmpty();
    assertThat(browser.findElement(By.id("process-diagram")).getText())
        .contains("Review MDF request");
    BrowserTest.Chromium.screenshot(browser, "process-diagram");
  }

  @Autowired CamundaClient client;

  @Test
  void aWaitingTaskIsCountedOnItsElementAndAClickListsTheCase(WebDriver browser) {
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("skeleton-approval")
            .latestVersion()
            .variables(java.util.Map.of("partnerId", "diagram-test"))
            .send()
            .join()
            .getProcessInstanceKey();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    browser.get("http://localhost:" + port + "/login");
    browser.findElement(By.name("username")).sendKeys("olivia");
    browser.findElement(By.name("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Processes")));

    // The task reaches the inbox asynchronously; the page counts what is open when it loads.
    By badge =
        By.cssSelector(
            ".element-badges[data-element-id='ProvideDetailsTask'] .element-badge.tasks");
    wait.until(
        d -> {
          d.get("http://localhost:" + port + "/process-owner/processes/skeleton-approval");
          new WebDriverWait(d, Duration.ofSeconds(10))
              .until(
                  ExpectedConditions.attributeToBeNotEmpty(
                      d.findElement(By.id("process-diagram")), "data-overlaid"));
          return !d.findElements(badge).isEmpty();
        });
    assertThat(Integer.parseInt(browser.findElement(badge).getText())).isPositive();

    browser
        .findElement(
            By.cssSelector("#process-diagram .djs-element[data-element-id='ProvideDetailsTask']"))
        .click();

    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("element-cases"), String.valueOf(instance)));
    assertThat(browser.findElement(By.id("element-cases")).getText())
        .contains("Provide details")
        .contains("user task");
    BrowserTest.Chromium.screenshot(browser, "process-diagram-cases");
  }
}
