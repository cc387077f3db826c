package com.partnerflow.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;

/**
 * MDF requests from submission to payment through the public API only, worked by the people of each
 * role at once, each on their own thread, as in an office: partner users submit and claim, two
 * channel managers approve, two marketing-ops verifiers verify, two finance users start payment
 * runs and confirm what the bank paid. Every call goes to the next service instance in turn (see
 * {@link PartnerflowApi}); the two people of a role race for the same tasks, and the service must
 * let exactly one of them win each.
 *
 * <p>Each request asks for an amount in (2,000, 7,500] of a GOLD partner with at most medium risk,
 * so {@code mdf-approval-routing} sends it to exactly one level (channel managers), with one
 * milestone of 100 %. The partner claims the milestone's amount less {@link #UNCLAIMED}, which is
 * released when the payment is confirmed. Titles and milestone names are one word each, unique in
 * the run, so eligibility's stacking rule sees no similar requests and each mail's subject names
 * its request.
 */
final class MdfWorkload {

  static final BigDecimal UNCLAIMED = new BigDecimal("10.25");
  static final String REVIEW = "ReviewMdfRequestTask";
  static final String CLAIM = "SubmitClaimTask";
  static final String VERIFY = "VerifyClaimTask";

  /** One request of the run as planned. */
  record Planned(
      int number,
      ReliabilityProgram.Partner partner,
      String title,
      String milestone,
      BigDecimal amount) {

    BigDecimal claimed() {
      return amount.subtract(UNCLAIMED);
    }
  }

  private final PartnerflowApi api;
  private final ReliabilityProgram program;
  private final List<Planned> plan = new ArrayList<>();
  private final Map<String, Planned> byRequestId = new ConcurrentHashMap<>();
  private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private volatile boolean engineMayBeAway;
  private volatile boolean completionsMayBeCutOff;
  private volatile Duration submissionPace = Duration.ZERO;
  // Every call holds it for reading; pause() takes it for writing, once calls in flight are done.
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

  MdfWorkload(PartnerflowApi api, ReliabilityProgram program, String tag, int requests) {
    this.api = api;
    this.program = program;
    for (int i = 0; i < requests; i++) {
      var partner = program.partners().get(i % program.partners().size());
      plan.add(
          new Planned(
              i,
              partner,
              "rel_%s_req%03d".formatted(tag, i),
              "rel_%s_ms%03d".formatted(tag, i),
              new BigDecimal("2500.35").add(BigDecimal.valueOf(7L * i))));
    }
  }

  /**
   * The engine may be away or push back during the run: a task completion or a payment run answered
   * {@code 503} ("try again") is counted and tried again later instead of failing the run.
   * Submissions and payment confirmations must still succeed (the outbox keeps them).
   */
  MdfWorkload whileTheEngineMayBeAway() {
    engineMayBeAway = true;
    return this;
  }

  /**
   * The service instance may be killed while a person's task completion is on its way (the crash
   * scenario stops one at a crash point): completions are not held by {@link #pause}, and one that
   * gets no answer is counted and left to the inbox, which lists the task again if the engine never
   * took the completion.
   */
  MdfWorkload whileCompletionsMayBeCutOff() {
    completionsMayBeCutOff = true;
    return this;
  }

  /** Each submitter waits this long after each submission, so requests trail one another. */
  MdfWorkload pacedSubmissions(Duration pace) {
    submissionPace = pace;
    return this;
  }

  /**
   * Lets the calls in flight finish and holds every role's next call until {@link #resume}: no
   * request is on its way while the scenario kills the instance (a request cut off mid-way could
   * not be told from one the service never received), except task completions {@link
   * #whileCompletionsMayBeCutOff when they may be cut off}. Called and resumed by the same thread.
   */
  void pause() {
    gate.writeLock().lock();
  }

  void resume() {
    gate.writeLock().unlock();
  }

  private PartnerflowApi.Answer get(String user, String path) {
    gate.readLock().lock();
    try {
      return api.get(user, path);
    } finally {
      gate.readLock().unlock();
    }
  }

  private PartnerflowApi.Answer post(String user, String path, String json) {
    gate.readLock().lock();
    try {
      return api.post(user, path, json);
    } finally {
      gate.readLock().unlock();
    }
  }

  List<Planned> plan() {
    return List.copyOf(plan);
  }

  /** The request id the service gave each submitted request. */
  Map<String, Planned> requests() {
    return Map.copyOf(byRequestId);
  }

  long count(String counter) {
    AtomicLong value = counters.get(counter);
    return value == null ? 0 : value.get();
  }

  /**
   * Runs every role until {@code done} holds or {@code timeout} passes; submits each planned
   * request once. Throws the first unexpected answer any role got.
   */
  void run(int submitters, BooleanSupplier done, Duration timeout) throws InterruptedException {
    Queue<Planned> toSubmit = new ConcurrentLinkedQueue<>(plan);
    List<Runnable> roles = new ArrayList<>();
    for (int i = 0; i < submitters; i++) {
      roles.add(() -> submitAll(toSubmit));
    }
    for (String user : ReliabilityProgram.CHANNEL_MANAGER_USERS) {
      roles.add(
          () ->
              workInbox(
                  user,
                  "candidateGroup=" + ReliabilityProgram.CHANNEL_MANAGERS,
                  REVIEW,
                  task -> "{\"decision\":\"APPROVE\"}"));
    }
    List<ReliabilityProgram.Partner> partners = program.partners();
    for (int half = 0; half < 2; half++) {
      List<ReliabilityProgram.Partner> mine = new ArrayList<>();
      for (int p = half; p < partners.size(); p += 2) {
        mine.add(partners.get(p));
      }
      roles.add(() -> claimAll(mine));
    }
    for (String user : ReliabilityProgram.MARKETING_OPS_USERS) {
      roles.add(
          () ->
              workInbox(
                  user,
                  "candidateGroup=" + ReliabilityProgram.MARKETING_OPS,
                  VERIFY,
                  task -> "{\"decision\":\"APPROVE\"}"));
    }
    for (String user : ReliabilityProgram.FINANCE_USERS) {
      roles.add(() -> payAll(user));
    }
    ExecutorService pool = Executors.newFixedThreadPool(roles.size());
    List<Future<?>> running = new ArrayList<>();
    roles.forEach(r -> running.add(pool.submit(guarded(r))));
    Instant deadline = Instant.now().plus(timeout);
    try {
      while (!done.getAsBoolean() && failures.isEmpty() && Instant.now().isBefore(deadline)) {
        Thread.sleep(1000);
      }
    } finally {
      stop.set(true);
      pool.shutdown();
      if (!pool.awaitTermination(90, TimeUnit.SECONDS)) {
        running.forEach(f -> f.cancel(true));
      }
    }
    if (!failures.isEmpty()) {
      AssertionError error = new AssertionError("A role got an unexpected answer", failures.peek());
      failures.stream().skip(1).limit(5).forEach(error::addSuppressed);
      throw error;
    }
    if (!done.getAsBoolean()) {
      throw new AssertionError("The workload did not finish in " + timeout + ": " + counters);
    }
  }

  private Runnable guarded(Runnable role) {
    return () -> {
      try {
        role.run();
      } catch (Throwable e) {
        failures.add(e);
      }
    };
  }

  private void submitAll(Queue<Planned> toSubmit) {
    Planned next;
    while (!stop.get() && (next = toSubmit.poll()) != null) {
      var answer = post(next.partner().user(), "/api/mdf-requests", submission(next));
      expect(answer, 201, "submit " + next.title());
      byRequestId.put(answer.json().get("id").asText(), next);
      increment("submitted");
      if ("PENDING".equals(answer.json().path("processStart").asText())) {
        increment("submissions saved, start pending");
      }
      if (!submissionPace.isZero()) {
        ChildProcess.pause(submissionPace);
      }
    }
  }

  /** Completes every task of the element the user's inbox lists, until the run stops. */
  private void workInbox(
      String user,
      String filter,
      String elementId,
      java.util.function.Function<JsonNode, String> form) {
    while (!stop.get()) {
      int worked = 0;
      var answer = get(user, "/api/tasks?size=200&" + filter);
      expect(answer, 200, user + " lists tasks");
      for (JsonNode task : answer.json().get("items")) {
        if (stop.get()) {
          return;
        }
        if (task.get("elementId").asText().equals(elementId)) {
          complete(user, task, form.apply(task));
          worked++;
        }
      }
      idle(worked);
    }
  }

  private void claimAll(List<ReliabilityProgram.Partner> partners) {
    while (!stop.get()) {
      int worked = 0;
      for (var partner : partners) {
        var answer = get(partner.user(), "/api/tasks?size=200");
        expect(answer, 200, partner.user() + " lists tasks");
        for (JsonNode task : answer.json().get("items")) {
          if (!task.get("elementId").asText().equals(CLAIM)) {
            continue;
          }
          String requestId = task.path("context").path("mdfRequestId").asText();
          Planned planned = byRequestId.get(requestId);
          if (planned == null) {
            // The submission's answer is still on its way to the submitter: claim next round.
            continue;
          }
          complete(partner.user(), task, claim(planned));
          worked++;
        }
      }
      idle(worked);
    }
  }

  /** Starts a payment run while payments are instructed; confirms each payment in a batch. */
  private void payAll(String user) {
    Set<String> confirmed = ConcurrentHashMap.newKeySet();
    while (!stop.get()) {
      int worked = 0;
      var answer = get(user, "/api/payments");
      expect(answer, 200, user + " lists payments");
      boolean instructed = false;
      for (JsonNode payment : answer.json().get("items")) {
        String status = payment.get("status").asText();
        String id = payment.get("id").asText();
        if (status.equals("INSTRUCTED")) {
          instructed = true;
        } else if ((status.equals("IN_BATCH") || status.equals("SENT"))
            && !confirmed.contains(id)) {
          var confirmation =
              post(
                  user,
                  "/api/payments/" + id + "/confirmation",
                  "{\"reference\":\"REL-" + id.substring(0, 8) + "\"}");
          expect(confirmation, 200, user + " confirms payment " + id);
          confirmed.add(id);
          increment("confirmations");
          worked++;
        }
      }
      if (instructed) {
        var run = post(user, "/api/payments/runs", "");
        if (run.status() == 201) {
          increment("payment runs");
        } else if (run.status() == 503 && engineMayBeAway) {
          increment("payment runs answered 503 (try again)");
        } else {
          // Another finance user's run took the instructed payments first.
          expect(run, 409, user + " starts a payment run");
          increment("payment runs refused (nothing left)");
        }
        worked++;
      }
      idle(worked);
    }
  }

  private void complete(String user, JsonNode task, String form) {
    String id = task.get("id").asText();
    PartnerflowApi.Answer answer;
    try {
      answer =
          completionsMayBeCutOff
              ? api.post(user, "/api/tasks/" + id + "/complete", form)
              : post(user, "/api/tasks/" + id + "/complete", form);
    } catch (PartnerflowApi.NoAnswer cutOff) {
      if (!completionsMayBeCutOff) {
        throw cutOff;
      }
      increment("completions cut off by a crash");
      return;
    }
    if (answer.status() == 204) {
      increment("completed " + task.get("elementId").asText());
      increment("completed through instance " + (answer.instance() + 1));
    } else if (answer.status() == 503 && engineMayBeAway) {
      // Nothing was kept: the task stays in the inbox and is completed in a later round.
      increment("completions answered 503 (try again)");
    } else {
      // The other person of the role (on either instance) completed it first.
      expect(answer, 409, user + " completes task " + id);
      increment("completion races lost");
    }
  }

  private void idle(int worked) {
    ChildProcess.pause(Duration.ofMillis(worked == 0 ? 500 : 50));
  }

  private void increment(String counter) {
    counters.computeIfAbsent(counter, c -> new AtomicLong()).incrementAndGet();
  }

  Map<String, Long> counters() {
    Map<String, Long> values = new java.util.TreeMap<>();
    counters.forEach((k, v) -> values.put(k, v.get()));
    return values;
  }

  private static void expect(PartnerflowApi.Answer answer, int status, String what) {
    if (answer.status() != status) {
      throw new AssertionError(
          what
              + ": expected "
              + status
              + ", got "
              + answer.status()
              + " from instance "
              + (answer.instance() + 1)
              + ": "
              + answer.body());
    }
  }

  private static String submission(Planned p) {
    String day = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    return """
    {"activityType":"WEBINAR","title":"%s","description":"Reliability tier","region":"EMEA",
     "startDate":"%s","endDate":"%s","currency":"EUR","totalCost":%s,
     "requestedAmount":%s,"partnerContribution":%s,"expectedRegistrations":200,
     "expectedLeads":40,"expectedPipeline":250000,
     "milestones":[{"name":"%s","plannedDate":"%s","sharePercent":100}]}
    """
        .formatted(
            p.title(),
            day,
            day,
            p.amount().multiply(BigDecimal.TWO).toPlainString(),
            p.amount().toPlainString(),
            p.amount().toPlainString(),
            p.milestone(),
            day);
  }

  private static String claim(Planned p) {
    return """
    {"actualCost":%s,"claimedAmount":%s,"invoiceNumber":"INV-%s","invoiceDate":"%s",
     "evidenceLinks":[{"url":"https://example.com/recording"}],"registrations":120,
     "attendees":80,"leads":30,"opportunities":6,"pipelineCreated":90000}
    """
        .formatted(
            p.claimed().toPlainString(),
            p.claimed().toPlainString(),
            p.title(),
            LocalDate.now(ZoneOffset.UTC));
  }
}
