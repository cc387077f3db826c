package com.partnerflow.reliability;

import static com.partnerflow.reliability.ReliabilityChecks.assertExactlyOnce;
import static com.partnerflow.reliability.ReliabilityChecks.closedRequests;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.reliability.ReliabilityChecks.Deliveries;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 4: the engine goes away, or pushes back, while partners submit MDF requests and
 * approvers, partners, verifiers and finance work them to payment on the packaged service.
 *
 * <ul>
 *   <li>The link to the engine process is cut for {@code reliability.engine-outage} (default 30 s)
 *       while requests are being submitted: every connection closes and new ones are refused, the
 *       engine keeps its state.
 *   <li>Separately, the service's client fails {@code reliability.injected-share} (default 10 %) of
 *       its message, job completion and process start commands with {@code RESOURCE_EXHAUSTED} or
 *       {@code UNAVAILABLE} ({@code partnerflow.engine.fault-injection.*}).
 * </ul>
 *
 * Submissions and payment confirmations must be answered as saved all the same (the outbox); task
 * completions and payment runs may be answered 503 "try again" and are tried again. Then exact
 * counts: every request closed, one instance per request (one inbox row per user task), one claim,
 * payment and RESERVE, PAY and RELEASE entry per request, one sent start message per request, every
 * mail once.
 */
@Tag("reliability")
class EngineOutageIT {

  static final int REQUESTS = Integer.getInteger("reliability.engine-outage.requests", 30);
  static final Duration OUTAGE =
      Duration.parse(System.getProperty("reliability.engine-outage", "PT30S"));
  static final String INJECTED_SHARE = System.getProperty("reliability.injected-share", "0.1");
  static final int PARTNERS = 10;
  static final BigDecimal BUDGET = new BigDecimal("500000.00");

  @Test
  void anEngineAwayForThirtySecondsLosesAndRepeatsNothing() throws Exception {
    String scenario = "Engine away for " + OUTAGE.toSeconds() + " s";
    try (var stack =
        ReliabilityStack.start(ReliabilityStack.Options.instances(1).throughAnEngineLink())) {
      var program = ReliabilityProgram.seed(stack.database(), PARTNERS, BUDGET);
      try (var api = new PartnerflowApi(stack.services(), ReliabilityProgram.PASSWORD)) {
        var workload = new MdfWorkload(api, program, tag(), REQUESTS).whileTheEngineMayBeAway();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
          Future<?> run = runner.submit(() -> runToTheEnd(stack, workload));
          // The outage begins while a third of the requests are still to be submitted.
          awaitSubmitted(workload, REQUESTS * 2 / 3, run);
          stack.engineLink().cut();
          Instant cut = Instant.now();
          System.out.printf("[reliability] engine link cut for %s%n", OUTAGE);
          Thread.sleep(OUTAGE);
          stack.engineLink().restore();
          System.out.printf(
              "[reliability] engine link restored after %d s%n",
              Duration.between(cut, Instant.now()).toSeconds());
          run.get(15, TimeUnit.MINUTES);
        } finally {
          runner.shutdownNow();
        }
        System.out.printf("[reliability] %s: %s%n", scenario, workload.counters());
        long metTheOutage =
            workload.count("submissions saved, start pending")
                + workload.count("completions answered 503 (try again)")
                + workload.count("payment runs answered 503 (try again)");
        // Without work that met the outage the scenario would prove nothing.
        assertThat(metTheOutage).as("calls that met the outage").isPositive();
        assertExactlyOnce(stack, program, workload, scenario, 1, REQUESTS, Deliveries.EXACTLY_ONCE);
      }
    }
  }

  @Test
  void injectedBackpressureLosesAndRepeatsNothing() throws Exception {
    String scenario = "Engine pushes back (" + INJECTED_SHARE + " of commands)";
    try (var stack =
        ReliabilityStack.start(
            ReliabilityStack.Options.instances(1)
                .withServiceArguments(
                    "--partnerflow.engine.fault-injection.share=" + INJECTED_SHARE))) {
      var program = ReliabilityProgram.seed(stack.database(), PARTNERS, BUDGET);
      try (var api = new PartnerflowApi(stack.services(), ReliabilityProgram.PASSWORD)) {
        var workload = new MdfWorkload(api, program, tag(), REQUESTS).whileTheEngineMayBeAway();
        runToTheEnd(stack, workload);
        long injected =
            stack
                .services()
                .get(0)
                .process()
                .logText()
                .lines()
                .filter(line -> line.contains("\"message\":\"Injected "))
                .count();
        System.out.printf(
            "[reliability] %s: %d faults injected; %s%n", scenario, injected, workload.counters());
        assertThat(injected).as("faults injected").isPositive();
        assertExactlyOnce(
            stack, program, workload, scenario, (int) injected, REQUESTS, Deliveries.EXACTLY_ONCE);
      }
    }
  }

  private static Void runToTheEnd(ReliabilityStack stack, MdfWorkload workload)
      throws InterruptedException {
    workload.run(
        4, () -> closedRequests(stack.database()) == REQUESTS, Duration.ofMinutes(10).plus(OUTAGE));
    return null;
  }

  private static void awaitSubmitted(MdfWorkload workload, int submitted, Future<?> run)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (workload.count("submitted") < submitted) {
      if (run.isDone()) {
        run.get(); // the workload failed or finished before the outage: show why
        throw new AssertionError("The workload ended before the outage began");
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Fewer than " + submitted + " requests submitted in 3 minutes");
      }
      Thread.sleep(50);
    }
  }

  private static String tag() {
    return LocalTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HHmmssSSS"));
  }
}
