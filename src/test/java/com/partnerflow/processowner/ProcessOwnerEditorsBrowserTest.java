package com.partnerflow.processowner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.BrowserTest;
import com.partnerflow.PartnerflowIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner edits in the browser: a threshold of the MDF approval routing in camunda-dmn-js,
 * deployed as a new decision version and shown in the history; a broken service task in
 * camunda-bpmn-js, reported by Camunda Modeler's rules as she types.
 */
@BrowserTest
@PartnerflowIntegrationTest
class ProcessOwnerEditorsBrowserTest {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;

  private String base() {
    return "http://localhost:" + port;
  }

  @Test
  void aThresholdEditedInTheDecisionTableIsDeployedAsANewVersion(WebDriver browser) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    int before = newestVersion("mdf-approval-routing");
    BrowserTest.Chromium.signIn(browser, base(), "olivia");

    browser.get(base() + "/process-owner");
    browser.findElement(By.linkText("Edit a process, decision or form in the browser")).click();
    browser.findElement(By.linkText("mdf-approval-routing")).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("definition-editor"), "data-ready", "true"));

    // The first automatic approval band (Gold and Platinum, low risk): <= 2000 becomes <= 2001.
    WebElement cell = browser.findElement(By.cssSelector("td[data-element-id='RoutingRule2_in0']"));
    assertThat(cell.getText()).isEqualTo("<= 2000");
    cell.click();
    WebElement editable = browser.switchTo().activeElement();
    assertThat(editable.getAttribute("contenteditable")).isEqualTo("true");
    editable.sendKeys(Keys.END, Keys.BACK_SPACE, "1");
    wait.until(ExpectedConditions.textToBePresentInElement(cell, "<= 2001"));
    assertThat(browser.findElement(By.cssSelector(".powered-by, .bjs-powered-by")).isDisplayed())
        .as("the bpmn.io watermark stays visible")
        .isTrue();

    browser.findElement(By.id("editor-simulate")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("simulation")));
    assertThat(browser.findElement(By.id("simulation")).getText()).contains("cases evaluated");

    browser.findElement(By.id("editor-deploy")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deployed")));
    assertThat(browser.findElement(By.id("deployed")).getText())
        .contains("mdf-approval-routing version " + (before + 1));
    BrowserTest.Chromium.screenshot(browser, "decision-editor-deployed");

    assertThat(newestVersion("mdf-approval-routing")).isEqualTo(before + 1);
    JsonNode changes =
        http.withBasicAuth("olivia", "demo")
            .getForObject(
                "/api/process-owner/decisions/mdf-approval-routing/changes", JsonNode.class);
    assertThat(changes.at("/table/rules/0/ruleId").asText()).isEqualTo("RoutingRule2");
    assertThat(changes.at("/table/rules/0/after/inputs/0").asText()).isEqualTo("<= 2001");
    assertThat(
            changes
                .at("/versions")
                .get(changes.at("/versions").size() - 1)
                .get("deployedBy")
                .asText())
        .isEqualTo("olivia");

    browser.get(base() + "/process-owner/history/decisions/mdf-approval-routing");
    assertThat(
            browser
                .findElement(By.cssSelector("#rule-changes tr[data-rule-id='RoutingRule2']"))
                .getText())
        .contains("changed")
        .contains("<= 2000")
        .contains("<= 2001");
  }

  @Test
  void aServiceTaskWithoutJobTypeIsAProblemAsTheOwnerTypes(WebDriver browser) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    BrowserTest.Chromium.signIn(browser, base(), "olivia");

    browser.get(base() + "/process-owner/edit/processes/mdf-request");
    wait.until(ExpectedConditions.attributeToBe(By.id("definition-editor"), "data-ready", "true"));
    assertThat(problemsAt("CheckEligibilityTask", browser)).isEmpty();

    // Select the task as a click on it would (the palette may cover it at this zoom).
    ((JavascriptExecutor) browser)
        .executeScript(
            "var m = document.getElementById('definition-editor').editor;"
                + " m.get('selection').select(m.get('elementRegistry').get(arguments[0]));",
            "CheckEligibilityTask");
    WebElement group =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(
                    "[data-group-id='group-taskDefinition'] .bio-properties-panel-group-header")));
    if (browser.findElements(By.id("bio-properties-panel-taskDefinitionType")).stream()
        .noneMatch(WebElement::isDisplayed)) {
      group.click(); // the group starts closed
    }
    WebElement jobType =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.id("bio-properties-panel-taskDefinitionType")));
    assertThat(jobType.getAttribute("value")).isNotBlank();
    jobType.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);

    wait.until(b -> !problemsAt("CheckEligibilityTask", b).isEmpty());
    WebElement problem = problemsAt("CheckEligibilityTask", browser).getFirst();
    assertThat(problem.getText())
        .containsIgnoringCase("error")
        .contains("Check eligibility", "Task definition type", "(camunda-compat/implementation)");
    assertThat(browser.findElement(By.id("problems-summary")).getText())
        .doesNotContain("No problems");
    BrowserTest.Chromium.screenshot(browser, "process-editor-problem");
  }

  private static List<WebElement> problemsAt(String elementId, WebDriver browser) {
    return browser.findElements(
        By.cssSelector("#problems-list li[data-element-id='" + elementId + "']"));
  }

  private int newestVersion(String decisionId) {
    JsonNode versions =
        http.withBasicAuth("olivia", "demo")
            .getForObject("/api/process-owner/decisions/" + decisionId + "/changes", JsonNode.class)
            .get("versions");
    return versions.get(versions.size() - 1).get("version").asInt();
  }
}
