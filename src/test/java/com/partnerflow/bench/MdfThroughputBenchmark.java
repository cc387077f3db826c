package com.partnerflow.bench;

import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import com.partnerflow.engine.EmbeddedZeebeEngine;
import com.partnerflow.engine.EngineProperties;
import com.partnerflow.engine.EngineProperties.StateStore;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.TaskProperties;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 15, item 1: the whole path of a one-level MDF request through the service against the same
 * diagrams on the bare engine, in one run on one machine.
 *
 * <p>Through the service: signed-in Gold partners submit a one-level request (5,000.50, {@code
 * channel-managers}) with {@code POST /api/mdf-requests}, 16 in flight; an approver sees each
 * review task in {@code GET /api/tasks} and approves it with {@code POST /api/tasks/{id}/complete};
 * a request counts when it is APPROVED. On the bare engine in this JVM (same factory and store):
 * the same start message, no-op workers, and the review task's job completed with APPROVE as soon
 * as it reaches its worker. Each is warmed up first, the service until its JIT compilers settle
 * ({@link #warmUp}). Reports requests/s, submission → first task and submission → APPROVED
 * (p50/p95/p99), CPU by threads for both, and service throughput / bare-engine throughput (target ≥
 * 0.70). The measured service settings are part of the report.
 *
 * <p>Then the same on the longer path to the payment: after APPROVED the partner claims the
 * milestone in full through the task API, a {@code marketing-ops} user approves the claim, and a
 * request counts when its payment is instructed ({@code INSTRUCTED}, ready for the next payment
 * run); the bare engine's route answers those steps with no-op workers. The claim and verification
 * tasks are found by the load's watcher in the database (one query for all waiting requests, as the
 * approvals), not by a partner's and a verifier's inbox lists; they are completed through {@code
 * POST /api/tasks/{id}/complete}.
 */
@Tag("bench")
@PartnerflowIntegrationTest
@TestPropertySource(properties = "partnerflow.bench.context=throughput") // an engine of its own
// Closed after the class: after its warm-up and measured requests (up to 1,260 + 360) its engine's
// in-memory log and its workers would otherwise weigh on every benchmark after it in this JVM.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// The path to APPROVED first: its figures stay comparable with the runs before the payment's.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MdfThroughputBenchmark {

  /** Warm-up rounds of this many requests run until the JIT compilers settle, up to the most. */
  private static final int WARM_UP_ROUND = 90;

  private static final int WARM_UP_MOST = Integer.getInteger("bench.throughput.warm-up", 1_260);

  /** A round that kept the JIT compilers busy less than this (% of one core) ends the warm-up. */
  private static final double SETTLED_JIT_SHARE = 25;

  private static final int WINDOW = Integer.getInteger("bench.throughput.requests", 360);

  /**
   * The path to the payment warms up the claim's steps only, the approval's warmed up before it:
   * two rounds at most, so that the whole -Pbench stays within its 15 minutes.
   */
  private static final int PAYMENT_WARM_UP_MOST =
      Integer.getInteger("bench.throughput.payment-warm-up", 180);

  private static final int PAYMENT_WINDOW =
      Integer.getInteger("bench.throughput.payment-requests", 240);

  private static final int BARE_WARM_UP = 300;

  /** The bare engine's code is compiled by then: its approval path ran before. */
  private static final int BARE_PAYMENT_WARM_UP = 150;

  private static final int BARE_WINDOW = 300;
  private static final int IN_FLIGHT = 16;
  private static final String ONE_LEVEL = "5000.50";

  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired PartnerBankAccounts bankAccounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired CamundaClient client;
  @Autowired DataSource dataSource;
  @Autowired TaskProperties taskProperties;
  @Autowired EngineProperties engineProperties;
  @Autowired Environment environment;
  @Autowired EmbeddedZeebeEngine engine;
  @LocalServerPort int port;

  @Test
  @Order(1)
  void oneLevelRequestsApprovedThroughTheApiAgainstTheBareEngine() throws Exception {
    BenchReport.record(
        "throughput: settings of the service run",
        ServiceKnobs.of(environment, client, dataSource, taskProperties, engineProperties),
        "(for information)",
        true);
    Throughput service;
    try (var load = new PortalMdfLoad(port, partners, accounts, funds, bankAccounts, jdbc);
        var approver = new ApproverInbox(port, accounts)) {
      Driver driver = new Driver(load, approver, null);
      warmUp(driver, WARM_UP_MOST, "throughput");
      List<UiSession> measured = load.partnersFor(WINDOW);
      ThreadCpu cpu = ThreadCpu.start();
      long listsBefore = approver.lists();
      long since = engine.clock().millis();
      service = throughService(driver, measured);
      // Read before the engine records below: converting the whole log allocates enough to
      // put a collection into the window's CPU shares.
      String cpuShares = cpu.shares();
      BenchReport.record(
          "throughput: service, where each request's time went (engine records)",
          EngineStages.of(engine.recordsAfter(-1), "mdf-request", since),
          "(for information)",
          true);
      BenchReport.record(
          "throughput: service, the approver's GET /api/tasks during the run",
          String.format(
              "%.0f/s (one list every 10 ms while a task is awaited; part of the service's load)",
              (approver.lists() - listsBefore) / service.seconds()),
          "(for information)",
          true);
      BenchReport.record(
          "throughput: service, CPU by threads (one-level requests approved through the API)",
          cpuShares,
          "(for information: 100 % = one core busy)",
          true);
    }
    Throughput bare = onTheBareEngine(false);
    report("throughput", "service", service);
    report("throughput", "bare engine, no-op workers", bare);
    double ratio = service.perSecond() / bare.perSecond();
    BenchReport.record(
        "throughput: service / bare engine (one-level requests, POST → APPROVED, 16 in flight)",
        String.format("%.2f (%.1f/s against %.1f/s)", ratio, service.perSecond(), bare.perSecond()),
        "≥ 0.70",
        ratio >= 0.7);
  }

  @Test
  @Order(2)
  void oneLevelRequestsToPaymentInstructedThroughTheApiAgainstTheBareEngine() throws Exception {
    String label = "throughput to payment";
    Throughput service;
    try (var load = new PortalMdfLoad(port, partners, accounts, funds, bankAccounts, jdbc);
        var approver = new ApproverInbox(port, accounts)) {
      Driver driver =
          new Driver(load, approver, ApproverInbox.newUserOf(port, accounts, "marketing-ops"));
      warmUp(driver, PAYMENT_WARM_UP_MOST, label);
      List<UiSession> measured = load.partnersFor(PAYMENT_WINDOW);
      ThreadCpu cpu = ThreadCpu.start();
      long since = engine.clock().millis();
      service = throughService(driver, measured);
      String cpuShares = cpu.shares();
      List<Record<?>> records = engine.recordsAfter(-1);
      BenchReport.record(
          label + ": service, where each milestone's time went (engine records)",
          EngineStages.of(records, "mdf-disbursement", since),
          "(for information)",
          true);
      BenchReport.record(
          label
              + ": service, CPU by threads (requests approved, claimed and verified through the"
              + " API)",
          cpuShares,
          "(for information: 100 % = one core busy)",
          true);
    }
    Throughput bare = onTheBareEngine(true);
    report(label, "service", service);
    report(label, "bare engine, no-op workers", bare);
    double ratio = service.perSecond() / bare.perSecond();
    BenchReport.record(
        label
            + ": service / bare engine (one-level requests, POST → payment INSTRUCTED, 16 in"
            + " flight)",
        String.format("%.2f (%.1f/s against %.1f/s)", ratio, service.perSecond(), bare.perSecond()),
        "≥ 0.70",
        ratio >= 0.7);
  }

  /**
   * The benchmark's partners submit, its approver approves; with a verifier the partners go on to
   * claim, the verifier approves the claims, and requests count at their payment instructed.
   */
  private record Driver(PortalMdfLoad load, ApproverInbox approver, UiSession verifier) {}

  /**
   * Runs rounds of requests until the JIT compilers used less than {@link #SETTLED_JIT_SHARE} of a
   * core during one, so that the measured window shows the service running rather than the JVM
   * compiling it (with a warm-up of 90 requests the compilers took 58–61 % of the machine's CPU in
   * the window). The bare engine needs less: it runs after the service, on the engine code the
   * service's run compiled. The rounds and the last round's share are part of the report.
   */
  private void warmUp(Driver driver, int most, String label) throws Exception {
    int requests = 0;
    double jit;
    do {
      List<UiSession> round = driver.load().partnersFor(WARM_UP_ROUND);
      ThreadCpu cpu = ThreadCpu.start();
      throughService(driver, round);
      jit = cpu.jitCompilers();
      requests += WARM_UP_ROUND;
    } while (jit >= SETTLED_JIT_SHARE && requests + WARM_UP_ROUND <= most);
    BenchReport.record(
        label + ": service warm-up before the measured window",
        String.format(
            "%d requests in rounds of %d; the JIT compilers used %.0f %% of a core in the last"
                + " round (it ends below %.0f %% or at %d requests)",
            requests, WARM_UP_ROUND, jit, SETTLED_JIT_SHARE, most),
        "(for information)",
        true);
  }

  /**
   * One-level requests of the sessions (three each), 16 in flight: submitted, their review task
   * approved through the task API as soon as the approver's inbox lists it, until APPROVED; with a
   * verifier on through the claim and its verification until the payment is instructed.
   */
  private Throughput throughService(Driver driver, List<UiSession> sessions) throws Exception {
    int count = sessions.size() * 3;
    List<Double> toTask = Collections.synchronizedList(new ArrayList<>());
    List<Double> toApproved = Collections.synchronizedList(new ArrayList<>());
    List<Double> toInstructed = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger retried = new AtomicInteger();
    PortalMdfLoad load = driver.load();
    UiSession verifier = driver.verifier();
    long t0 = System.nanoTime();
    PortalMdfLoad.inFlight(
        sessions,
        count,
        IN_FLIGHT,
        session -> {
          long posted = System.nanoTime();
          String id = load.submit(session, ONE_LEVEL);
          long review = driver.approver().reviewTask(id).get(2, TimeUnit.MINUTES);
          toTask.add((System.nanoTime() - posted) / 1e6);
          complete(review, () -> driver.approver().approve(review), retried);
          load.approved(id).get(2, TimeUnit.MINUTES);
          toApproved.add((System.nanoTime() - posted) / 1e6);
          if (verifier != null) {
            long claim = load.openTask(id, "SubmitClaimTask").get(2, TimeUnit.MINUTES);
            complete(
                claim, () -> completeTask(session, claim, PortalMdfLoad.claim(ONE_LEVEL)), retried);
            long verification = load.openTask(id, "VerifyClaimTask").get(2, TimeUnit.MINUTES);
            complete(
                verification,
                () -> completeTask(verifier, verification, "{\"decision\":\"APPROVE\"}"),
                retried);
            load.paymentInstructed(id).get(2, TimeUnit.MINUTES);
            toInstructed.add((System.nanoTime() - posted) / 1e6);
          }
          return id;
        });
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Throughput(
        count,
        seconds,
        toTask,
        toApproved,
        toInstructed,
        retried.get(),
        "completions tried again after 503");
  }

  private static int completeTask(UiSession user, long task, String json) {
    return user.postJson("/api/tasks/" + task + "/complete", json, "/tasks").statusCode();
  }

  /**
   * Completes the task; a {@code 503} (the engine did not take the completion in time, the task
   * stays open) is tried again, as the inbox page lets a user do, and counted.
   */
  private static void complete(long task, IntSupplier completion, AtomicInteger retried)
      throws InterruptedException {
    int status = completion.getAsInt();
    while (status == 503) {
      retried.incrementAndGet();
      Thread.sleep(100);
      status = completion.getAsInt();
    }
    if (status != 204) {
      throw new IllegalStateException("completing task " + task + " answered " + status);
    }
  }

  /**
   * The same requests on the bare engine with no-op workers, warmed up first; {@code toPayment}: on
   * to the payment instructed.
   */
  private static Throughput onTheBareEngine(boolean toPayment) throws Exception {
    String label = toPayment ? "throughput to payment" : "throughput";
    try (var bare = new BareEngine(StateStore.ROCKSDB);
        var route =
            toPayment
                ? MdfRouteOnBareEngine.toPayment(bare.client)
                : new MdfRouteOnBareEngine(bare.client, true)) {
      route.approve(
          ONE_LEVEL,
          toPayment ? BARE_PAYMENT_WARM_UP : BARE_WARM_UP,
          IN_FLIGHT,
          Duration.ofMinutes(2));
      ThreadCpu cpu = ThreadCpu.start();
      long since = System.currentTimeMillis();
      var rate = route.approve(ONE_LEVEL, BARE_WINDOW, IN_FLIGHT, Duration.ofMinutes(2));
      String cpuShares = cpu.shares();
      List<Record<?>> records = new ArrayList<>();
      bare.engine.getRecordStreamSource().getRecords().forEach(records::add);
      BenchReport.record(
          label + ": bare engine, where each request's time went (engine records)",
          EngineStages.of(records, toPayment ? "mdf-disbursement" : "mdf-request", since),
          "(for information)",
          true);
      BenchReport.record(
          label + ": bare engine, CPU by threads (user task jobs completed by their worker)",
          cpuShares,
          "(for information: its workers run on the client's pool)",
          true);
      return new Throughput(
          rate.approvals(),
          rate.seconds(),
          new ArrayList<>(route.toFirstTask),
          new ArrayList<>(route.toApproved),
          new ArrayList<>(route.toInstructed),
          rate.failedStarts(),
          "start commands failed");
    }
  }

  private static void report(String label, String where, Throughput run) {
    boolean toPayment = !run.toInstructed().isEmpty();
    BenchReport.record(
        String.format(
            "%s: %s, one-level requests/s (POST → %s, 16 in flight)",
            label, where, toPayment ? "payment INSTRUCTED" : "APPROVED"),
        String.format(
            "%.1f/s (%d in %.1f s%s)",
            run.perSecond(),
            run.requests(),
            run.seconds(),
            run.retries() == 0 ? "" : ", " + run.retries() + " " + run.retriesAre()),
        "(for information; the ratio is the target)",
        true);
    BenchReport.record(
        label + ": " + where + ", submission → first task",
        BenchReport.latencies(run.toFirstTask()),
        "(for information)",
        true);
    BenchReport.record(
        label + ": " + where + ", submission → APPROVED",
        BenchReport.latencies(run.toApproved()),
        "(for information)",
        true);
    if (toPayment) {
      BenchReport.record(
          label + ": " + where + ", submission → payment INSTRUCTED",
          BenchReport.latencies(run.toInstructed()),
          "(for information)",
          true);
    }
  }

  /**
   * Requests done in a time, with each one's milliseconds to its first task, to APPROVED and (on
   * the path to the payment) to its payment instructed; {@code retries}: task completions tried
   * again (service) or start commands that failed (bare).
   */
  private record Throughput(
      long requests,
      double seconds,
      List<Double> toFirstTask,
      List<Double> toApproved,
      List<Double> toInstructed,
      long retries,
      String retriesAre) {
    double perSecond() {
      return requests / seconds;
    }
  }
}
