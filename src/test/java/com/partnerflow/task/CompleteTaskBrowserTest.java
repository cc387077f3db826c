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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

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
  @Autowired TestRestTemplate api;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  void signIn(WebDriver browser, WebDriverWait wait, String username) {
    browser.get(url("/login"));
    browser.findElement(By.name("username")).sendKeys(username);
    browser.findElement(By.name("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
  }

  long reviewTaskOfNewCase() {
    long details = startApprovalForAcme();
    long instance = tasks.findById(details).orElseThrow().getProcessInstanceKey();
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    api.withBasicAuth("alice", "demo")
        .exchange(
            "/api/tasks/" + details + "/complete",
            HttpMethod.POST,
            new HttpEntity<>("{\"title\":\"Webinar series\",\"budget\":1200}", headers),
            Void.class);
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(instance).stream()
                    .filter(t -> t.getElementId().equals("ReviewRequestTask"))
                    .map(InboxTask::getId)
                    .findFirst()
                    .orElse(null),
            id -> id != null);
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
    assertThat(browser.findElement(row).getText())
        .contains("MDF-2026-0042")
        .contains("Acme Corp")
        .contains("unclaimed");
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

    // Her next task or, with none, the case (TaskFeedbackBrowserTest follows both ways).
    WebElement confirmation =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
    assertThat(confirmation.getText()).startsWith("Task “Provide details” completed.");
    assertThat(browser.getCurrentUrl()).isNotEqualTo(url("/tasks/" + id));
    browser.get(url("/tasks"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("task-results")));
    assertThat(browser.findElements(row)).isEmpty();
    BrowserTest.Chromium.screenshot(browser, "task-list-after-completion");

    InboxTask done = tasks.findById(id).orElseThrow();
    assertThat(done.getState()).isEqualTo(TaskState.COMPLETED);
    assertThat(done.getClosedBy()).isEqualTo("alice");
  }

  @Test
  void carolFiltersWithoutReloadingAndClaimsAReview(WebDriver browser) {
    long id = reviewTaskOfNewCase();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    JavascriptExecutor js = (JavascriptExecutor) browser;
    signIn(browser, wait, "carol");

    browser.get(url("/tasks?process=skeleton-approval"));
    By row = By.cssSelector("tr[data-task-id='" + id + "']");
    WebElement review = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
    assertThat(review.getText()).contains("Review request").contains("unclaimed");
    assertThat(review.findElement(By.cssSelector("td.due")).getText()).matches(".*\\d{4}.*");
    BrowserTest.Chromium.screenshot(browser, "task-list-carol");

    // htmx swaps the results in place and pushes the filter into the address bar.
    js.executeScript("window.pfSamePage = true;");
    browser.findElement(By.id("filter-overdue")).click();
    wait.until(ExpectedConditions.urlContains("overdue=true"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
    assertThat(browser.findElement(By.id("filter-overdue")).isSelected()).isTrue();
    assertThat(js.executeScript("return window.pfSamePage === true;")).isEqualTo(true);
    browser.findElement(By.id("filter-overdue")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(row));
    browser.findElement(By.cssSelector(".tabs a[data-tab='mine']")).click();
    wait.until(ExpectedConditions.urlContains("view=mine"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
    assertThat(js.executeScript("return window.pfSamePage === true;")).isEqualTo(true);

    browser.get(url("/tasks/" + id));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("claim"))).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("flash"), "You claimed this task."));
    wait.until(
        ExpectedConditions.elementToBeClickable(By.cssSelector("#task-form input[type=radio]")));
    assertThat(tasks.findById(id).orElseThrow().getAssignee()).isEqualTo("carol");
    BrowserTest.Chromium.screenshot(browser, "task-page-claimed");

    browser.findElement(By.id("unclaim")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("claim")));
    assertThat(tasks.findById(id).orElseThrow().getAssignee()).isNull();
  }
}
