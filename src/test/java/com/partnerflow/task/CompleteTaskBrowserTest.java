package com.partnerflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnerflow.BrowserTest;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.partner.Partners;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A partner user works a task in a real browser: signs in, finds the task in the list, fills the
 * form form-js renders by typing, is stopped by validation, completes it and is back on the list.
 */
@BrowserTest
@PartnerflowIntegrationTest
class CompleteTaskBrowserTest {

  static final By TITLE = By.cssSelector("#task-form .fjs-form-field-textfield input");
  static final By BUDGET = By.cssSelector("#task-form .fjs-form-field-number input");
  static final By COMPLETE = By.cssSelector("#task-form .pf-task-actions button");

  @LocalServerPort int port;
  @Autowired CamundaClient client;
  @Autowired InboxTasks tasks;
  @Autowired Partners partners;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  long startApprovalForAcme() {
    String acme = partners.findByName("Acme Corp").orElseThrow().getId();
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("skeleton-approval")
            .latestVersion()
            .variables(Map.of("partnerId", acme, "mdfRequestId", "MDF-2026-0042"))
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

  @Test
  void aliceCompletesHerTaskThroughTheForm(WebDriver browser) {
    long id = startApprovalForAcme();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

    browser.get(url("/tasks"));
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.name("username")).sendKeys("alice");
    browser.findElement(By.name("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("form.card button[type=submit]")).click();

    // Signing in returns to the task list the browser asked for (Spring Security's ?continue).
    wait.until(ExpectedConditions.urlMatches("/tasks(\\?continue)?$"));
    By row = By.cssSelector("tr[data-task-id='" + id + "']");
    WebElement link =
        wait.until(ExpectedConditions.elementToBeClickable(row)).findElement(By.tagName("a"));
    assertThat(link.getText()).isEqualTo("Provide details");
    assertThat(browser.findElement(row).getText()).contains("MDF-2026-0042").contains("unclaimed");
    BrowserTest.Chromium.screenshot(browser, "task-list");

    link.click();
    wait.until(ExpectedConditions.urlToBe(url("/tasks/" + id)));
    WebElement title = wait.until(ExpectedConditions.elementToBeClickable(TITLE));
    WebElement budget = wait.until(ExpectedConditions.elementToBeClickable(BUDGET));
    WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(COMPLETE));
    BrowserTest.Chromium.screenshot(browser, "task-page");

    // Budget left empty: form-js refuses, nothing reaches the engine.
    title.sendKeys("Partner summit booth");
    complete.click();
    WebElement error =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#task-form .fjs-form-field-number .fjs-form-field-error")));
    assertThat(error.getText()).containsIgnoringCase("required");
    BrowserTest.Chromium.screenshot(browser, "task-page-invalid");
    assertThat(browser.getCurrentUrl()).isEqualTo(url("/tasks/" + id));
    assertThat(tasks.findById(id).orElseThrow().getState()).isEqualTo(TaskState.OPEN);

    budget.sendKeys("2500");
    complete.click();

    wait.until(ExpectedConditions.urlToBe(url("/tasks")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-results")));
    assertThat(browser.findElements(row)).isEmpty();
    BrowserTest.Chromium.screenshot(browser, "task-list-after-completion");

    InboxTask done = tasks.findById(id).orElseThrow();
    assertThat(done.getState()).isEqualTo(TaskState.COMPLETED);
    assertThat(done.getClosedBy()).isEqualTo("alice");
  }
}
