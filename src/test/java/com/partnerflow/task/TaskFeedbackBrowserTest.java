package com.partnerflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnerflow.BrowserTest;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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

/**
 * Feedback after completing a task, on a desktop and on a phone: the user lands on their next task
 * with a confirmation, and after the last one on the case the task was about; the Complete button
 * shows that it is working.
 */
@BrowserTest
@PartnerflowIntegrationTest
class TaskFeedbackBrowserTest {

  static final By TITLE = By.cssSelector("#task-form .fjs-form-field-textfield input");
  static final By BUDGET = By.cssSelector("#task-form .fjs-form-field-number input");
  static final By COMPLETE = By.cssSelector("#task-form .pf-task-actions button");

  @LocalServerPort int port;
  @Autowired CamundaClient client;
  @Autowired InboxTasks tasks;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired Clock clock;

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** A Provide details task that only the user of this partner sees. */
  long detailsTask(String partnerId, String requestId) {
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("skeleton-approval")
            .latestVersion()
            .variables(Map.of("partnerId", partnerId, "mdfRequestId", requestId))
            .send()
            .join()
            .getProcessInstanceKey();
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(instance).stream()
                    .filter(t -> t.getElementId().equals("ProvideDetailsTask"))
                    .map(InboxTask::getId)
                    .findFirst()
                    .orElse(null),
            id -> id != null);
  }

  void complete(WebDriver browser, WebDriverWait wait, long id) {
    browser.get(url("/tasks/" + id));
    wait.until(ExpectedConditions.elementToBeClickable(TITLE)).sendKeys("Booth at the summit");
    wait.until(ExpectedConditions.elementToBeClickable(BUDGET)).sendKeys("2500");
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(COMPLETE));
    button.click();
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {1400, 390})
  void completingATaskConfirmsItAndOpensTheNextTaskThenTheCase(int width, WebDriver browser) {
    String name = "fb" + UUID.randomUUID().toString().substring(0, 8);
    Partner partner =
        partners.save(
            new Partner(
                "Feedback " + name, name + ".example", Tier.GOLD, Region.EMEA, clock.instant()));
    accounts.createIfAbsent(name, "demo", "User " + name, null, partner.getId(), Set.of());
    long first = detailsTask(partner.getId(), "MDF-" + name + "-1");
    long second = detailsTask(partner.getId(), "MDF-" + name + "-2");

    browser.manage().window().setSize(new Dimension(width, 900));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    BrowserTest.Chromium.signIn(browser, url(""), name);

    complete(browser, wait, first);
    wait.until(ExpectedConditions.urlToBe(url("/tasks/" + second)));
    WebElement confirmation =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
    assertThat(confirmation.getText())
        .isEqualTo("Task “Provide details” completed. Here is your next task: “Provide details”.");
    assertThat(tasks.findById(first).orElseThrow().getState()).isEqualTo(TaskState.COMPLETED);
    BrowserTest.Chromium.screenshot(browser, "task-completed-next-" + width);

    complete(browser, wait, second);
    wait.until(ExpectedConditions.urlToBe(url("/partners/" + partner.getId())));
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash"))).getText())
        .isEqualTo("Task “Provide details” completed. No other task is waiting for you.");
    BrowserTest.Chromium.screenshot(browser, "task-completed-case-" + width);
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {1400, 390})
  void theCompleteButtonShowsThatItIsWorking(int width, WebDriver browser) {
    String name = "fb" + UUID.randomUUID().toString().substring(0, 8);
    Partner partner =
        partners.save(
            new Partner(
                "Busy " + name, name + ".example", Tier.GOLD, Region.EMEA, clock.instant()));
    accounts.createIfAbsent(name, "demo", "User " + name, null, partner.getId(), Set.of());
    long id = detailsTask(partner.getId(), "MDF-" + name);

    browser.manage().window().setSize(new Dimension(width, 900));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    BrowserTest.Chromium.signIn(browser, url(""), name);
    browser.get(url("/tasks/" + id));
    wait.until(ExpectedConditions.elementToBeClickable(TITLE)).sendKeys("Booth");
    wait.until(ExpectedConditions.elementToBeClickable(BUDGET)).sendKeys("100");
    // Hold the answer back so the waiting state can be seen.
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "var f = window.fetch; window.fetch = function (u, o) {"
                + " return new Promise(function (r) { setTimeout(function () { r(f(u, o)); }, 1500); }); };");
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(COMPLETE));
    button.click();
    wait.until(ExpectedConditions.attributeToBe(COMPLETE, "aria-busy", "true"));
    WebElement busy = browser.findElement(COMPLETE);
    assertThat(busy.getText()).isEqualTo("Completing…");
    assertThat(busy.isEnabled()).isFalse();
    assertThat(busy.findElements(By.cssSelector(".spinner"))).hasSize(1);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
  }
}
