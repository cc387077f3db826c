package com.partnerflow.reliability;

import static com.partnerflow.reliability.ReliabilityChecks.assertExactlyOnce;
import static com.partnerflow.reliability.ReliabilityChecks.closedRequests;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.reliability.ReliabilityChecks.Deliveries;
import java.math.BigDecimal;
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
 * crash leaves the engine to hand the job out again — and started again, while requests are
 * submitted, approved, claimed, verified, paid and mailed around it.
 *
 * <p>The instance starts armed ({@code --partnerflow.engine.crash-point}, test-only) with the four
 * payment steps: the first job of any of them stops after its work and says so in the log; the
 * scenario then lets the API calls in flight finish, kills the instance (SIGKILL, by pid) and
 * starts it again on the same ports, armed with the steps not crashed yet. The stopped job comes
 * back after its timeout (20 s here) and runs again on the new instance. Afterwards, exact counts:
 * every request closed, every payment once with one PAY entry, every open user task once in the
 * inbox, every mail once in the log and once per Message-ID over IMAP (a mail the killed instance
 * was handing to the SMTP server is sent again, with the same Message-ID).
 */
@Tag("reliability")
class ServiceCrashIT {

  static final String SCENARIO = "Service killed (kill -9) at each payment step";
  static final int REQUESTS = Integer.getInteger("reliability.crash.requests", 16);
  static final int PARTNERS = 8;
  static final BigDecimal BUDGET = new BigDecimal("500000.00");
  static final List<String> PAYMENT_STEPS =
      List.of(
          "disbursement.instruct-payment",
          "disbursement.gather-payment-batch",
          "disbursement.send-payment-batch",
          "disbursement.record-payment");

  /** Short, so a job stopped by the crash comes back soon; every worker here takes < 1 s. */
  static final String JOB_TIMEOUT = "--camunda.client.worker.defaults.timeout=PT20S";

  /**
   * Short, so a mail the killed instance was sending is taken over soon (by default after 5
   * minutes); an SMTP hand-over takes at most the 5 s timeouts of the cluster profile.
   */
  static final String SENDING_LEASE = "--partnerflow.notification.sending-lease=PT30S";

  static final Pattern CRASHED_AT = Pattern.compile("Crash point reached at ([a-z.\\-]+)");

  @Test
  void anInstanceKilledAtEachPaymentStepPaysAndMailsEverythingOnce() throws Exception {
    List<String> armed = new ArrayList<>(PAYMENT_STEPS);
    try (var stack =
        ReliabilityStack.start(
            ReliabilityStack.Options.instances(1)
                .withServiceArguments(arguments(armed).toArray(String[]::new)))) {
      var program = ReliabilityProgram.seed(stack.database(), PARTNERS, BUDGET);
      try (var api = new PartnerflowApi(stack.services(), ReliabilityProgram.PASSWORD)) {
        String tag = LocalTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HHmmssSSS"));
        // Paced, so later requests still have every step ahead when an earlier one crashes.
        var workload =
            new MdfWorkload(api, program, tag, REQUESTS).pacedSubmissions(Duration.ofSeconds(4));
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
        assertThat(crashed).containsExactlyInAnyOrderElementsOf(PAYMENT_STEPS);
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

  /** The job timeout, and the crash points still armed (none: an instance that runs through). */
  private static List<String> arguments(List<String> armed) {
    List<String> arguments = new ArrayList<>(List.of(JOB_TIMEOUT, SENDING_LEASE));
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
