package com.partnerflow.task;

import static com.partnerflow.ScriptText.ESCAPED;
import static com.partnerflow.ScriptText.SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import com.partnerflow.partner.Partners;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The task pages over HTTP with a signed-in session: list, visibility, 404, escaping, claims. */
@PartnerflowIntegrationTest
class TaskPagesIT {

  @LocalServerPort int port;
  @Autowired CamundaClient client;
  @Autowired InboxTasks tasks;
  @Autowired Partners partners;
  @Autowired TestRestTemplate api;
  String acme;
  String globex;

  @BeforeEach
  void setUp() {
    acme = partners.findByName("Acme Corp").orElseThrow().getId();
    globex = partners.findByName("Globex").orElseThrow().getId();
  }

  long startApproval(Map<String, Object> variables) {
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("skeleton-approval")
            .latestVersion()
            .variables(variables)
            .send()
            .join()
            .getProcessInstanceKey();
    return awaitTask(instance, "ProvideDetailsTask");
  }

  long awaitTask(long instance, String elementId) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(instance).stream()
                    .filter(t -> t.getElementId().equals(elementId))
                    .filter(t -> t.getState() == TaskState.OPEN)
                    .map(InboxTask::getId)
                    .findFirst()
                    .orElse(null),
            id -> id != null);
  }

  @Test
  void aliceSeesHerPartnersTaskAndNotGlobexs() {
    long acmeTask = startApproval(Map.of("partnerId", acme));
    long globexTask = startApproval(Map.of("partnerId", globex));

    var alice = UiSession.signIn(port, "alice");
    var page = alice.get("/tasks?view=group&process=skeleton-approval");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("href=\"/tasks/" + acmeTask + "\"")
        .contains("Provide details")
        .contains("unclaimed")
        .doesNotContain("/tasks/" + globexTask + "\"");
    // The top bar links to the list with the open count.
    assertThat(page.body()).containsPattern("href=\"/tasks\">Tasks<span\\s+class=\"count\"");

    var bob = UiSession.signIn(port, "bob").get("/tasks?process=skeleton-approval");
    assertThat(bob.body())
        .contains("href=\"/tasks/" + globexTask + "\"")
        .doesNotContain("/tasks/" + acmeTask + "\"");
  }

  @Test
  void htmxGetsOnlyTheResults() {
    startApproval(Map.of("partnerId", acme));
    var alice = UiSession.signIn(port, "alice");

    var fragment = alice.get("/tasks?view=group&process=skeleton-approval", "HX-Request", "true");

    assertThat(fragment.statusCode()).isEqualTo(200);
    assertThat(fragment.body())
        .startsWith("<section id=\"task-results\"")
        .contains("Provide details")
        .doesNotContain("<html");
    assertThat(fragment.headers().allValues("Vary")).contains("HX-Request");
  }

  @Test
  void myTasksShowsOnlyClaimedOnesAndClaimingWorksThroughThePage() {
    long task = startApproval(Map.of("partnerId", acme));
    var alice = UiSession.signIn(port, "alice");
    assertThat(alice.get("/tasks?view=mine").body()).doesNotContain("/tasks/" + task + "\"");

    var claim = alice.post("/tasks/" + task + "/claim", "", "/tasks/" + task);
    assertThat(claim.statusCode()).isEqualTo(302);
    assertThat(claim.headers().firstValue("Location").orElseThrow()).endsWith("/tasks/" + task);
    assertThat(alice.get("/tasks/" + task).body()).contains("You claimed this task.");
    assertThat(alice.get("/tasks?view=mine").body()).contains("/tasks/" + task + "\"");

    // Someone else's claim is a conflict: a flash message, not an error page.
    var admin = UiSession.signIn(port, "admin");
    var taken = admin.post("/tasks/" + task + "/claim", "", "/tasks/" + task);
    assertThat(taken.statusCode()).isEqualTo(302);
    assertThat(admin.get("/tasks/" + task).body())
        .contains("notice error")
        .contains("is already claimed by someone else");

    assertThat(alice.post("/tasks/" + task + "/unclaim", "", "/tasks/" + task).statusCode())
        .isEqualTo(302);
    assertThat(tasks.findById(task).orElseThrow().getAssignee()).isNull();
  }

  @Test
  void aTaskBobMayNotSeeIsTheFriendly404Page() {
    long task = startApproval(Map.of("partnerId", acme));
    var bob = UiSession.signIn(port, "bob");

    for (String path : new String[] {"/tasks/" + task, "/tasks/999999999", "/tasks/abc"}) {
      var page = bob.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(page.body())
          .as(path)
          .contains("Not found")
          .contains("not shared with you")
          .doesNotContain("Exception")
          .doesNotContain("Provide details");
    }
    assertThat(bob.post("/tasks/" + task + "/claim", "", "/tasks").statusCode()).isEqualTo(404);
    assertThat(tasks.findById(task).orElseThrow().getAssignee()).isNull();
  }

  @Test
  void aliceSeesTheTaskPageWithTheFormMountAndHistory() {
    long task = startApproval(Map.of("partnerId", acme));
    var page = UiSession.signIn(port, "alice").get("/tasks/" + task);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1>Provide details</h1>")
        .contains("id=\"task-form\" data-task-id=\"" + task + "\"")
        .contains("/js/task-form.js")
        .contains("Your organisation")
        .doesNotContain("partner:" + acme)
        .contains("href=\"/partners/" + acme + "\">Acme Corp</a>")
        .contains("History of this case")
        .contains("created");
  }

  @Test
  void scriptLadenValuesAreEscaped() {
    long details = startApproval(Map.of("partnerId", acme, "mdfRequestId", SCRIPT));
    long instance = tasks.findById(details).orElseThrow().getProcessInstanceKey();

    var list = UiSession.signIn(port, "alice").get("/tasks?process=skeleton-approval");
    assertThat(list.body()).contains(ESCAPED).doesNotContain(SCRIPT);

    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var completed =
        api.withBasicAuth("alice", "demo")
            .exchange(
                "/api/tasks/" + details + "/complete",
                HttpMethod.POST,
                new HttpEntity<>(
                    "{\"title\":\"" + SCRIPT.replace("'", "\\u0027") + "\",\"budget\":500}",
                    headers),
                String.class);
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    long review = awaitTask(instance, "ReviewRequestTask");

    var page = UiSession.signIn(port, "carol").get("/tasks/" + review);
    assertThat(page.statusCode()).isEqualTo(200);
    // The completion's values (the title) show in the history; the context in the facts.
    assertThat(page.body()).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(");
  }
}
