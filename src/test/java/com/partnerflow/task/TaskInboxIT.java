package com.partnerflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.engine.EmbeddedZeebeEngine;
import com.partnerflow.engine.ProcessTestSupport;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.Partners;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task inbox end to end on the embedded engine: projection, re-activation, vanishing, the
 * visibility matrix, claim and complete rules, server-side form validation and the race of two
 * completions.
 */
@PartnerflowIntegrationTest
class TaskInboxIT {

  @Autowired CamundaClient client;
  @Autowired EmbeddedZeebeEngine engine;
  @Autowired TestRestTemplate http;
  @Autowired Partners partners;
  @Autowired InboxTasks tasks;
  @Autowired TaskEvents events;
  @Autowired TaskLiveness liveness;
  @Autowired TaskInbox inbox;
  @Autowired TransactionTemplate transaction;
  @Autowired UserAccounts accounts;
  @Autowired BusinessTime time;
  @Autowired TaskProperties properties;
  ProcessTestSupport process;
  String acme;

  @BeforeEach
  void setUp() {
    process = new ProcessTestSupport(engine);
    acme = partners.findByName("Acme Corp").orElseThrow().getId();
    accounts.createIfAbsent("carl", "demo", "Carl Cole", null, null, Set.of("channel-managers"));
  }

  long startApproval() {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("skeleton-approval")
        .latestVersion()
        .variables(Map.of("partnerId", acme, "internalNote", "for approvers only"))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  InboxTask awaitTask(long processInstanceKey, String elementId) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(processInstanceKey).stream()
                    .filter(t -> t.getElementId().equals(elementId))
                    .filter(t -> t.getState() == TaskState.OPEN)
                    .findFirst()
                    .orElse(null),
            t -> t != null);
  }

  ResponseEntity<String> post(String user, String path, String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo")
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  long reviewTaskOfNewCase() {
    long instance = startApproval();
    long details = awaitTask(instance, "ProvideDetailsTask").getId();
    assertThat(
            post(
                    "alice",
                    "/api/tasks/" + details + "/complete",
                    "{\"title\":\"Webinar\",\"budget\":500}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    return awaitTask(instance, "ReviewRequestTask").getId();
  }

  @Test
  void userTaskIsProjectedWithItsAttributesAndBusinessContext() {
    long instance = startApproval();
    InboxTask task = awaitTask(instance, "ProvideDetailsTask");

    assertThat(task.getName()).isEqualTo("Provide details");
    assertThat(task.getFormKey()).isEqualTo("skeleton-details");
    assertThat(task.getCandidateGroups()).containsExactly("partner:" + acme);
    assertThat(task.getPartnerId()).isEqualTo(acme);

    var body = get("alice", "/api/tasks?processId=skeleton-approval").getBody();
    assertThat(body)
        .contains("\"id\":" + task.getId())
        .contains("\"name\":\"Provide details\"")
        .contains("\"elementId\":\"ProvideDetailsTask\"")
        .contains("\"context\":{\"partnerId\":\"" + acme + "\"}")
        .contains("\"total\":");
  }

  @Test
  void taskPageGetsTheFormSchemaAndOnlyTheDataTheFormShows() {
    long instance = startApproval();
    long id = awaitTask(instance, "ProvideDetailsTask").getId();

    var body = get("alice", "/api/tasks/" + id).getBody();

    assertThat(body)
        .contains("\"form\":{\"id\":\"skeleton-details\"")
        .contains("\"data\":{")
        .contains("\"history\":[")
        .doesNotContain("for approvers only");
  }

  @Test
  void reActivatingTheSameJobUpdatesItsRowInsteadOfAddingOne() {
    long instance = startApproval();
    InboxTask task = awaitTask(instance, "ProvideDetailsTask");

    // Let the job's lease run out: the engine hands the same job out again to our worker.
    client.newUpdateTimeoutCommand(task.getId()).timeout(Duration.ofMillis(1)).send().join();
    process.moveClock(Duration.ofMinutes(1));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                tasks
                    .findById(task.getId())
                    .orElseThrow()
                    .getCheckedAt()
                    .isAfter(task.getCheckedAt()));

    assertThat(tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(instance)).hasSize(1);
    assertThat(events.findByTaskIdOrderByOccurredAtAscIdAsc(task.getId()))
        .extracting(TaskEvent::getAction)
        .containsExactly(TaskEvent.Action.CREATED);
  }

  @Test
  void taskInterruptedByItsSlaTimerLeavesTheInboxAndCannotBeCompleted() {
    long review = reviewTaskOfNewCase();
    long instance = tasks.findById(review).orElseThrow().getProcessInstanceKey();

    process.moveClock(Duration.ofDays(3));
    process.eventually(instance, p -> p.hasPassedElement("ReviewEscalatedEvent").isCompleted());
    liveness.checkTasksNotSeenSince(time.now().plusSeconds(60));

    assertThat(tasks.findById(review).orElseThrow().getState()).isEqualTo(TaskState.VANISHED);
    assertThat(get("carol", "/api/tasks?processId=skeleton-approval").getBody())
        .doesNotContain("\"id\":" + review + ",");
    var completion =
        post("carol", "/api/tasks/" + review + "/complete", "{\"decision\":\"APPROVE\"}");
    assertThat(completion.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(completion.getBody()).contains("no longer exists");
  }

  @Test
  void taskInterruptedByItsSlaTimerLeavesTheInboxWithinSecondsWithoutALivenessCheck() {
    long review = reviewTaskOfNewCase();
    long instance = tasks.findById(review).orElseThrow().getProcessInstanceKey();

    process.moveClock(Duration.ofDays(3));
    process.eventually(instance, p -> p.hasPassedElement("ReviewEscalatedEvent").isCompleted());

    // The engine's record of the cancelled job closes it; the liveness sweep checks a task only
    // once per 20 s interval, and this test never calls it.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> tasks.findById(review).orElseThrow().getState() == TaskState.VANISHED);
    assertThat(events.findByTaskIdOrderByOccurredAtAscIdAsc(review))
        .extracting(TaskEvent::getAction)
        .containsExactly(TaskEvent.Action.CREATED, TaskEvent.Action.VANISHED);
  }

  @Test
  void aCompletionTheEngineAcceptedIsNotTakenForAVanishedTaskByALivenessCheck() {
    long review = reviewTaskOfNewCase();
    // A completion in flight: it won the task and the engine accepted it, not yet recorded.
    Integer won = transaction.execute(s -> tasks.startCompletion(review, "carol", time.now()));
    assertThat(won).isEqualTo(1);
    client.newCompleteCommand(review).variables(Map.of("decision", "APPROVE")).send().join();

    // A liveness check that listed the task while it was open now finds its job gone.
    inbox.markOpenTaskVanished(review);

    assertThat(tasks.findById(review).orElseThrow().getState()).isEqualTo(TaskState.COMPLETING);
    assertThat(events.findByTaskIdOrderByOccurredAtAscIdAsc(review))
        .extracting(TaskEvent::getAction)
        .containsExactly(TaskEvent.Action.CREATED);
  }

  @Test
  void aTaskWhoseCompletionNeverReachedTheEngineOpensAgainWhenItsJobComesBack() {
    long review = reviewTaskOfNewCase();
    // The instance that won the task died before it sent the completion, longer ago than any
    // completion takes; the job's lease ends.
    Instant longAgo = time.now().minus(properties.completingLease()).minusSeconds(1);
    Integer won = transaction.execute(s -> tasks.startCompletion(review, "carol", longAgo));
    assertThat(won).isEqualTo(1);
    client.newUpdateTimeoutCommand(review).timeout(Duration.ofMillis(1)).send().join();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> tasks.findById(review).orElseThrow().getState() == TaskState.OPEN);
    assertThat(tasks.findById(review).orElseThrow().getAssignee()).isEqualTo("carol");
    assertThat(events.findByTaskIdOrderByOccurredAtAscIdAsc(review))
        .extracting(TaskEvent::getAction)
        .containsExactly(TaskEvent.Action.CREATED, TaskEvent.Action.REOPENED);

    assertThat(
            post("carol", "/api/tasks/" + review + "/complete", "{\"decision\":\"APPROVE\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(tasks.findById(review).orElseThrow().getState()).isEqualTo(TaskState.COMPLETED);
  }

  @Test
  void aCompletionInFlightWhenTheJobComesBackIsLeftToFinish() {
    long review = reviewTaskOfNewCase();
    // A completion has just started when the engine hands the job out again (its lease ran out):
    // the completion is still on its way, and the task must not open again under it.
    Integer won = transaction.execute(s -> tasks.startCompletion(review, "carol", time.now()));
    assertThat(won).isEqualTo(1);
    long updatesBefore = timeoutUpdatesOf(review);
    client.newUpdateTimeoutCommand(review).timeout(Duration.ofMillis(1)).send().join();
    // Projected again: the worker extends the new lease (a timeout update after ours).
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> timeoutUpdatesOf(review) >= updatesBefore + 2);

    InboxTask task = tasks.findById(review).orElseThrow();
    assertThat(task.getState()).isEqualTo(TaskState.COMPLETING);
    assertThat(task.getAssignee()).isEqualTo("carol");
    assertThat(events.findByTaskIdOrderByOccurredAtAscIdAsc(review))
        .extracting(TaskEvent::getAction)
        .containsExactly(TaskEvent.Action.CREATED);

    // The engine takes the completion; the instance that sent it dies before recording it.
    client.newCompleteCommand(review).variables(Map.of("decision", "APPROVE")).send().join();
    liveness.settleCompletionsStartedBefore(time.now().plusSeconds(1));
    assertThat(tasks.findById(review).orElseThrow().getState()).isEqualTo(TaskState.VANISHED);
  }

  private long timeoutUpdatesOf(long jobKey) {
    long updates = 0;
    for (Record<?> record : engine.recordStream().getRecords()) {
      if (record.getKey() == jobKey
          && record.getValueType() == ValueType.JOB
          && record.getIntent() == JobIntent.TIMEOUT_UPDATED) {
        updates++;
      }
    }
    return updates;
  }

  @Test
  void interruptedCompletionsAreSettledByTheSweepAfterTheirLease() {
    long neverSent = reviewTaskOfNewCase();
    long taken = reviewTaskOfNewCase();
    for (long review : List.of(neverSent, taken)) {
      Integer won = transaction.execute(s -> tasks.startCompletion(review, "carol", time.now()));
      assertThat(won).isEqualTo(1);
    }
    // The engine took one of the two completions; the instance died before recording either.
    client.newCompleteCommand(taken).variables(Map.of("decision", "APPROVE")).send().join();

    liveness.settleCompletionsStartedBefore(time.now().plusSeconds(1));

    assertThat(tasks.findById(neverSent).orElseThrow().getState()).isEqualTo(TaskState.OPEN);
    assertThat(events.findByTaskIdOrderByOccurredAtAscIdAsc(neverSent))
        .extracting(TaskEvent::getAction)
        .containsExactly(TaskEvent.Action.CREATED, TaskEvent.Action.REOPENED);
    assertThat(tasks.findById(taken).orElseThrow().getState()).isEqualTo(TaskState.VANISHED);
    List<TaskEvent> history = events.findByTaskIdOrderByOccurredAtAscIdAsc(taken);
    assertThat(history)
        .extracting(TaskEvent::getAction)
        .containsExactly(TaskEvent.Action.CREATED, TaskEvent.Action.VANISHED);
    assertThat(history.get(1).getDetail()).contains("completion by carol");
    assertThat(
            post("carol", "/api/tasks/" + neverSent + "/complete", "{\"decision\":\"APPROVE\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void partnerTaskIsInvisibleToOtherPartnersAndToInternalGroups() {
    long id = awaitTask(startApproval(), "ProvideDetailsTask").getId();

    assertThat(get("alice", "/api/tasks/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("admin", "/api/tasks/" + id).getStatusCode()).isEqualTo(HttpStatus.OK);
    for (String outsider : List.of("bob", "carol", "dave", "erin")) {
      assertThat(get(outsider, "/api/tasks/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(get(outsider, "/api/tasks").getBody()).doesNotContain("\"id\":" + id + ",");
      assertThat(post(outsider, "/api/tasks/" + id + "/claim", "").getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(
              post(outsider, "/api/tasks/" + id + "/complete", "{\"title\":\"x\",\"budget\":1}")
                  .getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
    }
  }

  @Test
  void approverTaskIsVisibleToItsCandidateGroupOnly() {
    long review = reviewTaskOfNewCase();

    assertThat(get("carol", "/api/tasks/" + review).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("carol", "/api/tasks?candidateGroup=channel-managers").getBody())
        .contains("\"id\":" + review + ",");
    for (String outsider : List.of("alice", "bob", "dave", "erin", "frank")) {
      assertThat(get(outsider, "/api/tasks/" + review).getStatusCode())
          .isEqualTo(HttpStatus.NOT_FOUND);
    }
  }

  @Test
  void onlyTheAssigneeCompletesAndAdminsMayReassign() {
    long review = reviewTaskOfNewCase();

    assertThat(post("carol", "/api/tasks/" + review + "/claim", "").getBody())
        .contains("\"assignee\":\"carol\"");
    assertThat(post("carl", "/api/tasks/" + review + "/claim", "").getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(
            post("carl", "/api/tasks/" + review + "/complete", "{\"decision\":\"APPROVE\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(
            post("carl", "/api/tasks/" + review + "/assign", "{\"assignee\":\"carl\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(
            post("admin", "/api/tasks/" + review + "/assign", "{\"assignee\":\"carl\"}").getBody())
        .contains("\"assignee\":\"carl\"");
    assertThat(
            post("carl", "/api/tasks/" + review + "/complete", "{\"decision\":\"APPROVE\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(events.findByTaskIdOrderByOccurredAtAscIdAsc(review))
        .extracting(TaskEvent::getAction, TaskEvent::getActor)
        .containsSubsequence(
            org.assertj.core.groups.Tuple.tuple(TaskEvent.Action.CLAIMED, "carol"),
            org.assertj.core.groups.Tuple.tuple(TaskEvent.Action.ASSIGNED, "admin"),
            org.assertj.core.groups.Tuple.tuple(TaskEvent.Action.COMPLETED, "carl"));
  }

  @Test
  void invalidValuesAreRefusedFieldByFieldAndLeaveTheTaskOpen() {
    long id = awaitTask(startApproval(), "ProvideDetailsTask").getId();

    var response =
        post("alice", "/api/tasks/" + id + "/complete", "{\"budget\":-5,\"approved\":true}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody())
        .contains("\"field\":\"title\"")
        .contains("\"field\":\"budget\"")
        .contains("\"field\":\"approved\"");
    InboxTask task = tasks.findById(id).orElseThrow();
    assertThat(task.getState()).isEqualTo(TaskState.OPEN);
    assertThat(task.getAssignee()).isNull();
  }

  @Test
  void onlyTheKeysTheFormDeclaresReachTheEngine() {
    long instance = startApproval();
    long details = awaitTask(instance, "ProvideDetailsTask").getId();
    post(
        "alice",
        "/api/tasks/" + details + "/complete",
        "{\"title\":\"<script>alert(1)</script>\",\"budget\":250}");
    long review = awaitTask(instance, "ReviewRequestTask").getId();

    assertThat(
            post(
                    "carol",
                    "/api/tasks/" + review + "/complete",
                    "{\"decision\":\"APPROVE\",\"reason\":\"fine\"}")
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    process.eventually(
        instance,
        p ->
            p.isCompleted()
                .hasPassedElement("RequestApprovedEvent")
                .hasVariableWithValue("title", "<script>alert(1)</script>")
                .hasVariableWithValue("budget", 250)
                .hasVariableWithValue("decision", "APPROVE"));
    assertThat(tasks.findById(review).orElseThrow().getClosedBy()).isEqualTo("carol");
  }

  @Test
  void twoConcurrentCompletionsExactlyOneWins() throws Exception {
    long review = reviewTaskOfNewCase();
    Callable<HttpStatus> complete =
        () ->
            HttpStatus.valueOf(
                post("carol", "/api/tasks/" + review + "/complete", "{\"decision\":\"REJECT\"}")
                    .getStatusCode()
                    .value());

    List<HttpStatus> statuses = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(4)) {
      List<Future<HttpStatus>> results =
          pool.invokeAll(List.of(complete, complete, complete, complete));
      for (Future<HttpStatus> result : results) {
        statuses.add(result.get());
      }
    }

    assertThat(statuses).containsOnlyOnce(HttpStatus.NO_CONTENT);
    assertThat(statuses)
        .filteredOn(s -> s != HttpStatus.NO_CONTENT)
        .containsOnly(HttpStatus.CONFLICT);
    assertThat(events.findByTaskIdOrderByOccurredAtAscIdAsc(review))
        .filteredOn(e -> e.getAction() == TaskEvent.Action.COMPLETED)
        .hasSize(1);
  }

  @Test
  void malformedAndOversizedBodiesGetAPreciseProblem() {
    long id = awaitTask(startApproval(), "ProvideDetailsTask").getId();

    var malformed = post("alice", "/api/tasks/" + id + "/complete", "{\"title\": ");
    var wrongShape = post("alice", "/api/tasks/" + id + "/complete", "[1,2]");
    var oversized =
        post(
            "alice",
            "/api/tasks/" + id + "/complete",
            "{\"title\":\"" + "x".repeat(2_000_000) + "\"}");

    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(malformed.getBody()).contains("not valid JSON");
    assertThat(wrongShape.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(oversized.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(
            oversized
                .getHeaders()
                .getContentType()
                .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .isTrue();
    assertThat(tasks.findById(id).orElseThrow().getState()).isEqualTo(TaskState.OPEN);
  }

  @Test
  void taskWithAnUnknownFormIsListedWithItsProblem() {
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("skeleton-missing-form")
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    long id = awaitTask(instance, "CheckNoteTask").getId();

    assertThat(get("erin", "/api/tasks?processId=skeleton-missing-form").getBody())
        .contains("\"id\":" + id)
        .contains("\"formProblem\":\"Form 'no-such-form' is not in forms/\"");
    assertThat(post("erin", "/api/tasks/" + id + "/complete", "{}").getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }
}
