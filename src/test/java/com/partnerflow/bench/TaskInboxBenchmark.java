package com.partnerflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.InboxTasks;
import io.camunda.client.CamundaClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Targets of issue 3: a task is in the inbox ≤ 1 s (p95) after the process reaches the user task;
 * {@code GET /api/tasks} p95 ≤ 50 ms with 10,000 open tasks across 200 groups.
 */
@Tag("bench")
@PartnerflowIntegrationTest
class TaskInboxBenchmark {

  @Autowired CamundaClient client;
  @Autowired InboxTasks tasks;
  @Autowired Partners partners;
  @Autowired JdbcTemplate jdbc;
  @Autowired UserAccounts accounts;
  @Autowired BusinessTime time;
  @LocalServerPort int port;

  @Test
  void taskReachesTheInboxQuickly() {
    String acme = partners.findByName("Acme Corp").orElseThrow().getId();
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      long start = System.nanoTime();
      long instance =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("skeleton-approval")
              .latestVersion()
              .variables(Map.of("partnerId", acme))
              .send()
              .join()
              .getProcessInstanceKey();
      while (tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(instance).isEmpty()) {
        Thread.onSpinWait();
        if (System.nanoTime() - start > 10_000_000_000L) {
          throw new IllegalStateException("task of instance " + instance + " never arrived");
        }
      }
      millis.add((System.nanoTime() - start) / 1e6);
    }
    double p95 = BenchReport.percentile(millis, 95);
    BenchReport.record(
        "process start → task in inbox",
        BenchReport.stats(millis, "ms"),
        "p95 ≤ 1000 ms",
        p95 <= 1000);
    assertThat(millis).hasSize(200);
  }

  @Test
  void taskListStaysFastWithTenThousandOpenTasks() throws Exception {
    seedOpenTasks(10_000, 200);
    accounts.createIfAbsent(
        "bench",
        "bench-password",
        "Bench User",
        null,
        null,
        Set.of("group-1", "group-2", "group-3", "group-4", "group-5"));
    UiSession session = UiSession.signIn(port, "bench", "bench-password");

    for (int i = 0; i < 50; i++) {
      assertThat(session.getJson("/api/tasks?size=50").statusCode()).isEqualTo(200);
    }
    List<Double> millis = new ArrayList<>();
    String body = "";
    for (int i = 0; i < 300; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = session.getJson("/api/tasks?size=50");
      millis.add((System.nanoTime() - start) / 1e6);
      body = response.body();
    }
    assertThat(body).contains("\"total\":250");

    HttpRequest basic =
        HttpRequest.newBuilder(uri("/api/tasks?size=50"))
            .header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString("bench:bench-password".getBytes()))
            .build();
    HttpClient plain = HttpClient.newHttpClient();
    List<Double> basicMillis = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      long start = System.nanoTime();
      plain.send(basic, HttpResponse.BodyHandlers.ofString());
      basicMillis.add((System.nanoTime() - start) / 1e6);
    }

    double p95 = BenchReport.percentile(millis, 95);
    BenchReport.record(
        "GET /api/tasks, 10,000 open tasks / 200 groups (session)",
        BenchReport.stats(millis, "ms"),
        "p95 ≤ 50 ms",
        p95 <= 50);
    BenchReport.record(
        "GET /api/tasks, same, HTTP Basic (bcrypt per request)",
        BenchReport.stats(basicMillis, "ms"),
        "(for information)",
        true);
  }

  /** Open tasks, 50 per group, each also a candidate of a second group. */
  private void seedOpenTasks(int count, int groups) {
    Timestamp now = Timestamp.from(time.now());
    List<Object[]> rows = new ArrayList<>();
    List<Object[]> candidates = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long id = 9_000_000_000L + i;
      rows.add(
          new Object[] {
            id,
            8_000_000_000L + i,
            7_000_000_000L + i,
            "bench-process",
            1,
            "BenchTask",
            "Bench task " + i,
            null,
            null,
            Timestamp.from(time.now().plusSeconds(3600L * (i % 500) - 3600L * 50)),
            50,
            "OPEN",
            null,
            "{}",
            "{}",
            now,
            now
          });
      candidates.add(new Object[] {id, "group-" + (i % groups)});
      candidates.add(new Object[] {id, "group-" + ((i + 7) % groups) + "-secondary"});
    }
    SeededInboxTasks.insert(jdbc, rows, candidates);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
