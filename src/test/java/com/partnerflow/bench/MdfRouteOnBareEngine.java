package com.partnerflow.bench;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.api.worker.JobWorkerBuilderStep1.JobWorkerBuilderStep3;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code mdf-request} process on the bare engine, without the service: job workers that do no
 * work and return only the variables the diagram needs (eligible, LOW risk, funds reserved until
 * the period closes, disbursement of one milestone started, and, when it approves, its claim
 * opened), streamed as in the service. Measures approvals per second and the time from starting a
 * request until its review task's job reaches a worker. The review task stays open (an approver who
 * has not decided yet) unless the route was made to approve it, which it then does at once, as the
 * driver of the service's run does through the task API. A route {@link #toPayment} goes on as the
 * service's driver does: the partner's claim of the milestone in full, checks passed, marketing
 * operations' approval, bank details not changed lately, the payment instructed; a request is done
 * when its payment is instructed instead of when it is approved.
 */
final class MdfRouteOnBareEngine implements AutoCloseable {

  private static final String USER_TASK = "io.camunda.zeebe:userTask";

  private final CamundaClient client;
  private final boolean toPayment;
  private final List<JobWorker> workers = new ArrayList<>();
  private final Map<String, Long> reviewTaskArrivedAt = new ConcurrentHashMap<>();
  private static final Runnable ALREADY_APPROVED = () -> {};

  /** What to do when an instance is approved, or {@link #ALREADY_APPROVED} if it came first. */
  private final Map<String, Runnable> onApproved = new ConcurrentHashMap<>();

  private final AtomicLong lastApprovedInstance = new AtomicLong();
  private final AtomicLong failedStarts = new AtomicLong();
  private final AtomicLong started = new AtomicLong();
  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

  /** Milliseconds from each start of the last {@link #approve} to its review task and approval. */
  final List<Double> toFirstTask = Collections.synchronizedList(new ArrayList<>());

  final List<Double> toApproved = Collections.synchronizedList(new ArrayList<>());

  /** Milliseconds from each start to its payment instructed (a route {@link #toPayment}). */
  final List<Double> toInstructed = Collections.synchronizedList(new ArrayList<>());

  MdfRouteOnBareEngine(CamundaClient client) {
    this(client, false, false);
  }

  MdfRouteOnBareEngine(CamundaClient client, boolean approveReviews) {
    this(client, approveReviews, false);
  }

  /** A route that approves review tasks and takes each request on to its payment instructed. */
  static MdfRouteOnBareEngine toPayment(CamundaClient client) {
    return new MdfRouteOnBareEngine(client, true, true);
  }

  private MdfRouteOnBareEngine(CamundaClient client, boolean approveReviews, boolean toPayment) {
    this.client = client;
    this.toPayment = toPayment;
    String periodClosesAt = OffsetDateTime.now(ZoneOffset.UTC).plusDays(90).withNano(0).toString();
    answer("mdf.check-eligibility", Map.of("eligible", true, "ineligibleReasons", List.of()));
    answer(
        "mdf.collect-risk-facts",
        Map.of(
            "riskFacts",
            Map.of(
                "requestedAmount",
                1234.5,
                "perActivityCap",
                25000,
                "earlierAmounts",
                List.of(),
                "earlierAgesDays",
                List.of(),
                "partnerAgeDays",
                400)));
    answer("mdf.record-risk", Map.of());
    workers.add(
        worker(
                "mdf.record-decision",
                (jobs, job) ->
                    complete(
                        jobs,
                        job,
                        approvedAmountAnd(
                            job,
                            Map.of(
                                "lastApprover",
                                "channel-managers",
                                "rejectionReasons",
                                List.of("No reason given"),
                                "rejectedBy",
                                "channel-managers"))))
            .open());
    workers.add(
        worker(
                "mdf.start-disbursement",
                (jobs, job) -> complete(jobs, job, Map.of("milestones", List.of(milestone(job)))))
            .open());
    if (approveReviews) {
      // The milestone's claim window is open at once (its planned date is a week away), as in the
      // service, whose instances then wait at the partner's claim task; so do these. Without it
      // (the open-cases benchmarks), instances wait at the claim's opening, and so do the 10,000
      // seeded there, instead of all moving on while the next level is measured.
      answer("disbursement.open-claim", Map.of("claimId", "bench-claim"));
    }
    answer(
        "mdf.assign-level",
        Map.of("decidingGroup", "channel-managers", "decisionDueAt", periodClosesAt));
    workers.add(
        worker(
                "mdf.reserve-funds",
                (jobs, job) -> {
                  complete(
                      jobs,
                      job,
                      approvedAmountAnd(
                          job, Map.of("fundPeriod", "bench", "periodClosesAt", periodClosesAt)));
                  lastApprovedInstance.set(job.getProcessInstanceKey());
                  since(requestOf(job), toApproved);
                  if (!toPayment) {
                    approved(requestOf(job), ALREADY_APPROVED);
                  }
                })
            .open());
    if (toPayment) {
      answerTheClaimUntilPaymentInstructed(periodClosesAt);
    }
    workers.add(
        worker(
                USER_TASK,
                (jobs, job) -> {
                  reviewTaskArrivedAt.putIfAbsent(requestOf(job), System.nanoTime());
                  if (approveReviews && job.getElementId().equals("ReviewMdfRequestTask")) {
                    since(requestOf(job), toFirstTask);
                    complete(jobs, job, Map.of("decision", "APPROVE", "completedBy", "bench"));
                  } else if (toPayment && job.getElementId().equals("SubmitClaimTask")) {
                    complete(jobs, job, claim(job));
                  } else if (toPayment && job.getElementId().equals("VerifyClaimTask")) {
                    complete(jobs, job, Map.of("decision", "APPROVE", "completedBy", "bench"));
                  }
                })
            .timeout(Duration.ofHours(8))
            .open());
  }

  /**
   * The milestone's steps after its claim opened, as the service's workers answer them for a claim
   * that passes its checks (no duplicate, evidence linked) of a partner whose bank details did not
   * change in the last 48 hours.
   */
  private void answerTheClaimUntilPaymentInstructed(String verificationDueAt) {
    answer("disbursement.record-claim", Map.of());
    answer(
        "disbursement.check-claim",
        Map.of("checkOutcome", "PASSED", "checkProblems", List.of(), "evidenceReason", ""));
    answer("disbursement.assign-verification", Map.of("verificationDueAt", verificationDueAt));
    workers.add(
        worker(
                "disbursement.record-verification",
                (jobs, job) -> {
                  Map<String, Object> out = new HashMap<>();
                  out.put("approvedAmount", job.getVariable("claimedAmount"));
                  out.put("escalatedTo", null);
                  complete(jobs, job, out);
                })
            .open());
    Map<String, Object> unchanged = new HashMap<>();
    unchanged.put("bankDetailsChangedAt", null);
    answer("disbursement.check-bank-details", unchanged);
    workers.add(
        worker(
                "disbursement.instruct-payment",
                (jobs, job) -> {
                  complete(
                      jobs,
                      job,
                      Map.of("paymentId", UUID.randomUUID().toString(), "paymentAttempt", 1));
                  since(requestOf(job), toInstructed);
                  approved(requestOf(job), ALREADY_APPROVED);
                })
            .open());
  }

  /** The partner's claim of the milestone in full, as the claim form submits it. */
  private static Map<String, Object> claim(ActivatedJob job) {
    Object amount = job.getVariable("milestoneAmount");
    Map<String, Object> claim = new HashMap<>();
    claim.put("actualCost", amount);
    claim.put("claimedAmount", amount);
    claim.put("invoiceNumber", "INV-" + UUID.randomUUID());
    claim.put("invoiceDate", LocalDate.now(ZoneOffset.UTC).toString());
    claim.put("evidenceLinks", List.of(Map.of("url", "https://example.com/recording")));
    claim.put("completedBy", "bench");
    return claim;
  }

  /** The requested amount as the approved one, with {@code others}. */
  private static Map<String, Object> approvedAmountAnd(
      ActivatedJob job, Map<String, Object> others) {
    Map<String, Object> variables = new HashMap<>(others);
    variables.put("approvedAmount", job.getVariable("requestedAmount"));
    return variables;
  }

  /** The one milestone of the request (PortalMdfLoad's), as {@code mdf.start-disbursement}. */
  private static Map<String, Object> milestone(ActivatedJob job) {
    return Map.of(
        "id",
        UUID.randomUUID().toString(),
        "name",
        "Webinar held",
        "plannedDate",
        job.getVariable("startDate"),
        "amount",
        job.getVariable("requestedAmount"),
        "currency",
        "EUR",
        "title",
        "Bench webinar");
  }

  /** Adds the milliseconds since the request's start was sent, if this route timed it. */
  private void since(String request, List<Double> millis) {
    Long sent = sentAt.get(request);
    if (sent != null) {
      millis.add((System.nanoTime() - sent) / 1e6);
    }
  }

  private void answer(String jobType, Map<String, Object> variables) {
    workers.add(worker(jobType, (jobs, job) -> complete(jobs, job, variables)).open());
  }

  private JobWorkerBuilderStep3 worker(String jobType, JobHandler handler) {
    return client
        .newWorker()
        .jobType(jobType)
        .handler(handler)
        .streamEnabled(true)
        .maxJobsActive(64)
        .timeout(Duration.ofMinutes(5));
  }

  private static void complete(JobClient jobs, ActivatedJob job, Map<String, Object> variables) {
    jobs.newCompleteCommand(job).variables(variables).send().join();
  }

  /** Instances this route started; none of them ends (approved ones wait for the period). */
  long started() {
    return started.get();
  }

  /** The instance that was approved last, e.g. to read an approved request's variables. */
  long lastApprovedInstance() {
    return lastApprovedInstance.get();
  }

  /**
   * Starts {@code count} auto-approved requests (Gold, 1,500, LOW risk), {@code inFlight} at a
   * time, and waits until all are approved or {@code limit} has passed.
   *
   * @return approvals and seconds taken
   */
  Rate autoApprove(int count, int inFlight, Duration limit) throws InterruptedException {
    return approve("1500.00", count, inFlight, limit);
  }

  /**
   * Starts {@code count} requests of {@code requestedAmount} (1,500.00: approved automatically;
   * 5,000.50: one level, whose review task this route must approve), {@code inFlight} at a time,
   * and waits until all are approved or {@code limit} has passed; their latencies are in {@link
   * #toFirstTask} and {@link #toApproved}.
   *
   * @return approvals and seconds taken
   */
  Rate approve(String requestedAmount, int count, int inFlight, Duration limit)
      throws InterruptedException {
    toFirstTask.clear();
    toApproved.clear();
    toInstructed.clear();
    Semaphore slots = new Semaphore(inFlight);
    CountDownLatch approved = new CountDownLatch(count);
    Runnable done =
        () -> {
          approved.countDown();
          slots.release();
        };
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    for (int i = 0; i < count; i++) {
      if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        break;
      }
      start(variables(requestedAmount))
          .whenComplete(
              (created, error) -> {
                if (error == null) {
                  started.incrementAndGet();
                  approved(created, done);
                } else {
                  failedStarts.incrementAndGet();
                  slots.release();
                }
              });
    }
    approved.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    Rate rate = new Rate(count - approved.getCount(), seconds, failedStarts.getAndSet(0));
    // Let the requests still on their way finish, so they do not load the next measurement.
    slots.tryAcquire(inFlight, 10, TimeUnit.MINUTES);
    return rate;
  }

  /**
   * Meets the approval of an instance with the one who waits for it, whichever comes first: the
   * worker may approve before the answer to the start command has arrived.
   */
  private void approved(String request, Runnable action) {
    Runnable other = onApproved.putIfAbsent(request, action);
    if (other != null) {
      onApproved.remove(request);
      (other == ALREADY_APPROVED ? action : other).run();
    }
  }

  /** Approvals in a time, and start commands the engine did not answer in time. */
  record Rate(long approvals, double seconds, long failedStarts) {
    double perSecond() {
      return approvals / seconds;
    }
  }

  /**
   * Starts {@code concurrent} one-level requests (5,000.50 → channel-managers) at once and returns
   * the milliseconds from each start command to its review task's job at the worker.
   */
  List<Double> firstReviewTasks(int concurrent) throws InterruptedException {
    Map<String, Long> startedAt = new HashMap<>();
    List<Long> sentAt = new ArrayList<>();
    List<java.util.concurrent.CompletionStage<String>> keys = new ArrayList<>();
    for (int i = 0; i < concurrent; i++) {
      sentAt.add(System.nanoTime());
      keys.add(start(variables("5000.50")));
    }
    for (int i = 0; i < concurrent; i++) {
      startedAt.put(keys.get(i).toCompletableFuture().join(), sentAt.get(i));
      started.incrementAndGet();
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!reviewTaskArrivedAt.keySet().containsAll(startedAt.keySet())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("review tasks did not arrive within 2 minutes");
      }
      Thread.sleep(1);
    }
    List<Double> millis = new ArrayList<>();
    startedAt.forEach((key, t0) -> millis.add((reviewTaskArrivedAt.get(key) - t0) / 1e6));
    return millis;
  }

  /**
   * Publishes the start message as the service does ({@code EngineMessages}), the request's id as
   * correlation key and message id; completes with the request's id once the engine took it.
   */
  private java.util.concurrent.CompletionStage<String> start(Map<String, Object> variables) {
    String request = (String) variables.get("mdfRequestId");
    sentAt.put(request, System.nanoTime());
    return client
        .newPublishMessageCommand()
        .messageName("mdf-request-submitted")
        .correlationKey(request)
        .messageId(request)
        .timeToLive(Duration.ofHours(1))
        .variables(variables)
        .requestTimeout(Duration.ofMinutes(2))
        .send()
        .thenApply(published -> request);
  }

  private static String requestOf(ActivatedJob job) {
    return (String) job.getVariable("mdfRequestId");
  }

  /** The start variables the service sets (see MdfRequestService), for a Gold partner. */
  private static Map<String, Object> variables(String requestedAmount) {
    String startDate = LocalDate.now(ZoneOffset.UTC).plusDays(7).toString();
    Map<String, Object> v = new HashMap<>();
    v.put("mdfRequestId", UUID.randomUUID().toString());
    v.put("partnerId", "bench-partner");
    v.put("tier", "GOLD");
    v.put("activityType", "WEBINAR");
    v.put("title", "Bench webinar");
    v.put("currency", "EUR");
    v.put("requestedAmount", new java.math.BigDecimal(requestedAmount));
    v.put("partnerContribution", new java.math.BigDecimal(requestedAmount));
    v.put(
        "totalCost", new java.math.BigDecimal(requestedAmount).multiply(java.math.BigDecimal.TWO));
    v.put("startDate", startDate);
    v.put("endDate", startDate);
    v.put("revisionRound", 0);
    return v;
  }

  @Override
  public void close() {
    workers.forEach(JobWorker::close);
  }
}
