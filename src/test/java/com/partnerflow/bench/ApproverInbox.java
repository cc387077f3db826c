package com.partnerflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.UiSession;
import com.partnerflow.identity.UserAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A signed-in approver of {@code channel-managers} who works MDF review tasks only through the task
 * API, as the inbox page does: one thread lists {@code GET /api/tasks} again and again and hands
 * each new review task to whoever waits for its request; {@link #approve} completes it with {@code
 * POST /api/tasks/{id}/complete}.
 */
final class ApproverInbox implements AutoCloseable {

  private static final String LIST =
      "/api/tasks?candidateGroup=channel-managers&processId=mdf-request&sort=createdAt&size=200";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final UiSession session;
  private final Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
  private final Thread poller;
  private volatile long lists;

  ApproverInbox(int port, UserAccounts accounts) {
    session = newUserOf(port, accounts, "channel-managers");
    poller = new Thread(this::poll, "bench-approver-inbox");
    poller.setDaemon(true);
    poller.start();
  }

  /** A new internal user of the group, signed in, whose session works tasks through the API. */
  static UiSession newUserOf(int port, UserAccounts accounts, String group) {
    String name = "bench-" + group + "-" + UUID.randomUUID().toString().substring(0, 8);
    accounts.createIfAbsent(name, "bench-password", name, null, null, Set.of(group));
    UiSession user = UiSession.signIn(port, name, "bench-password");
    // Fixes the session's CSRF token before the concurrent completions (see PortalMdfLoad).
    user.get("/tasks");
    return user;
  }

  /** Completes with the task id once the request's review task is listed by the task API. */
  CompletableFuture<Long> reviewTask(String requestId) {
    return waiting.computeIfAbsent(requestId, id -> new CompletableFuture<>());
  }

  /** Approves the task through the API; answers the HTTP status ({@code 204} when completed). */
  int approve(long taskId) {
    HttpResponse<String> response =
        session.postJson(
            "/api/tasks/" + taskId + "/complete", "{\"decision\":\"APPROVE\"}", "/tasks");
    return response.statusCode();
  }

  /** How many times the task list was read so far. */
  long lists() {
    return lists;
  }

  private void poll() {
    while (!Thread.currentThread().isInterrupted()) {
      if (!waiting.isEmpty()) {
        handOut(list());
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private JsonNode list() {
    HttpResponse<String> response = session.getJson(LIST);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    lists++;
    try {
      return JSON.readTree(response.body()).path("items");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handOut(JsonNode items) {
    for (JsonNode task : items) {
      long id = task.path("id").asLong();
      String request = task.path("context").path("mdfRequestId").asText(null);
      // A completed task may still be listed once more; nobody waits for its request then.
      CompletableFuture<Long> waiter =
          "ReviewMdfRequestTask".equals(task.path("elementId").asText()) && request != null
              ? waiting.remove(request)
              : null;
      if (waiter != null) {
        waiter.complete(id);
      }
    }
  }

  @Override
  public void close() {
    poller.interrupt();
  }
}
