package com.partnerflow.reliability;

import static com.partnerflow.reliability.ReliabilityChecks.assertExactlyOnce;
import static com.partnerflow.reliability.ReliabilityChecks.closedRequests;
import static com.partnerflow.reliability.ReliabilityChecks.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.reliability.ReliabilityChecks.Deliveries;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 2: the service instance is killed with {@code kill -9} at each step of the payment
 * path — after the step's work is committed and before its job is completed, the window where a
 * crash leaves the engine to hand the job out again — and in a person's task completion, and
 * started again, while requests are submitted, approved, claimed, verified, paid and mailed around
 * it.
 *
 * <p>The instance starts armed ({@code --partnerflow.engine.crash-point}, test-only) with the four
 * payment steps and two points of a task completion (before the engine, and after the engine took
 * it): the first of them reached stops there and says so in the log; the scenario then lets the
 * other API calls in flight finish, kills the instance (SIGKILL, by pid) and starts it again on the
 * same ports, armed with the points not crashed yet. A stopped job comes back after its timeout (20
 * s here) and runs again on the new instance; a stopped completion is settled by the inbox after
 * its lease (20 s here): its task opens again and is completed, or leaves the inbox if the engine
 * had taken it. Afterwards, exact counts: every request closed, every payment once with one PAY
 * entry, every open user task once in the inbox, every mail once in the log and once per Message-ID
 * over IMAP (a mail the killed instance was handing to the SMTP server is sent again, with the same
 * Message-ID).
 */
@Tag("reliability")
class ServiceCrashIT {

  static final String SCENARIO = "Service killed (kill -9) at each payment step and completion";
  static final int REQUESTS = Integer.getInteger("reliability.crash.requests", 16);
  static final int PARTNERS = 8;
  static final BigDecimal BUDGET = new BigDecimal("500000.00");
  static final List<String> PAYMENT_STEPS =
      List.of(
          "disbursement.instruct-payment",
          "disbursement.gather-payment-batch",
          "disbursement.send-payment-batch",
          "disbursement.record-payment");

  /**
   * A person's task completion stopped in flight: after it won the task and before it was sent to
   * the engine, and after the engine took it and before the inbox recorded it.
   */
  static final List<String> COMPLETION_POINTS =
      List.of("task-completion.before-engine", "task-completion.after-engine");

  /** Short, so a job stopped by the crash comes back soon; every worker here takes < 1 s. */
  static final String JOB_TIMEOUT = "--camunda.client.worker.defaults.timeout=PT20S";

  /**
   * Short, so a mail the killed instance was sending is taken over soon (by default after 5
   * minutes); an SMTP hand-over takes at most the 5 s timeouts of the cluster profile.
   */
  static final String SENDING_LEASE = "--partnerflow.notification.sending-lease=PT30S";

  /**
   * Short, so a completion the killed instance left half done is settled soon (by default after 5
   * minutes); a completion here takes well under a second.
   */
  static final String COMPLETING_LEASE = "--partnerflow.task.completing-lease=PT20S";

  static final Pattern CRASHED_AT = Pattern.compile("Crash point reached at ([a-z.\\-]+)");

  @Test
  void anInstanceKilledAtEachPaymentStepPaysAndMailsEverythingOnce() throws Exception {
    List<String> armed = new ArrayList<>(COMPLETION_POINTS);
    armed.addAll(PAYMENT_STEPS);
    try (var stack =
        ReliabilityStack.start(
            ReliabilityStack.Options.instances(1)
                .withServiceArguments(arguments(armed).toArray(String[]::new)))) {
      var program = ReliabilityProgram.seed(stack.database(), PARTNERS, BUDGET);
      try (var api = new PartnerflowApi(stack.services(), ReliabilityProgram.PASSWORD)) {
        String tag = LocalTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HHmmssSSS"));
        // Paced, so later requests still have every step ahead when an earlier one crashes.
        var workload =
            new MdfWorkload(api, program, tag, REQUESTS)
                .pacedSubmissions(Duration.ofSeconds(4))
                .whileCompletionsMayBeCutOff();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        List<String> crashed = new ArrayList<>();
        try {
          Future<?> run =
              runner.submit(
                  () -> {
                    workload.run(
                        2,
                        () -> closedRequests(stack.database()) == REQUESTS,
                        Duration.ofMinutes(14));
                    return null;
                  });
          for (int restart = 1; !armed.isEmpty(); restart++) {
            ServiceInstance service = stack.services().get(0);
            service
                .process()
                .awaitCondition(
                    () -> service.process().logLines("Crash point reached") > 0 || run.isDone(),
                    "to reach a crash point of " + armed,
                    Duration.ofMinutes(4));
            if (run.isDone()) {
              run.get(); // the workload failed, or ended before every step crashed: show why
              throw new AssertionError("The run ended before it crashed at " + armed);
            }
            String step = crashedAt(service);
            crashed.add(step);
            armed.remove(step);
            System.out.printf("[reliability] %s stopped at %s%n", service.name(), step);
            workload.pause();
            try {
              stack.killAndRestart(0, "service-1-restart-" + restart, arguments(armed));
            } finally {
              workload.resume();
            }
          }
          run.get(15, TimeUnit.MINUTES);
        } finally {
          runner.shutdownNow();
        }
        System.out.printf("[reliability] %s: %s; %s%n", SCENARIO, crashed, workload.counters());
        List<String> points = new ArrayList<>(COMPLETION_POINTS);
        points.addAll(PAYMENT_STEPS);
        assertThat(crashed).containsExactlyInAnyOrderElementsOf(points);
        assertInterruptedCompletionsSettled(stack);
        assertExactlyOnce(
            stack,
            program,
            workload,
            SCENARIO,
            crashed.size(),
            REQUESTS,
            Deliveries.ONE_MESSAGE_ID);
      }
    }
  }

  /**
   * No task is left half completed: the completion stopped before the engine opened its task again
   * (and it was completed later), the one stopped after the engine took it left the inbox with an
   * event naming it. Completions cut off by the other kills may add to both.
   */
  private static void assertInterruptedCompletionsSettled(ReliabilityStack stack)
      throws SQLException {
    try (Connection db = stack.database().connect()) {
      List<String> reopened =
          strings(db, "SELECT task_id FROM inbox_task_event WHERE action = 'REOPENED'");
      List<String> settledAsTaken =
          strings(
              db,
              "SELECT task_id FROM inbox_task_event WHERE action = 'VANISHED'"
                  + " AND detail LIKE '%completion by%was interrupted%'");
      System.out.printf(
          "[reliability] interrupted completions: %d opened again, %d settled as taken%n",
          reopened.size(), settledAsTaken.size());
      assertThat(strings(db, "SELECT id FROM inbox_task WHERE state = 'COMPLETING'"))
          .as("tasks left half completed")
          .isEmpty();
      assertThat(reopened)
          .as("tasks opened again after a completion that never reached the engine")
          .isNotEmpty();
      assertThat(settledAsTaken)
          .as("tasks whose completion the engine took before the kill")
          .isNotEmpty();
    }
  }

  /** The leases, and the crash points still armed (none: an instance that runs through). */
  private static List<String> arguments(List<String> armed) {
    List<String> arguments = new ArrayList<>(List.of(JOB_TIMEOUT, SENDING_LEASE, COMPLETING_LEASE));
    if (!armed.isEmpty()) {
      arguments.add("--partnerflow.engine.crash-point=" + String.join(",", armed));
    }
    return arguments;
  }

  private static String crashedAt(ServiceInstance service) {
    Matcher matcher = CRASHED_AT.matcher(service.process().logText());
    if (!matcher.find()) {
      throw new AssertionError(service.name() + " logged no crash point it reached");
    }
    return matcher.group(1);
  }
}
