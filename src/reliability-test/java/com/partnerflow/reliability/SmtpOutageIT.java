package com.partnerflow.reliability;

import static com.partnerflow.reliability.ReliabilityChecks.closedRequests;
import static com.partnerflow.reliability.ReliabilityChecks.counts;
import static com.partnerflow.reliability.ReliabilityChecks.expectedMails;
import static com.partnerflow.reliability.ReliabilityChecks.messageIdTally;
import static com.partnerflow.reliability.ReliabilityChecks.notificationTally;
import static com.partnerflow.reliability.ReliabilityChecks.received;
import static com.partnerflow.reliability.ReliabilityChecks.row;
import static com.partnerflow.reliability.ReliabilityChecks.single;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.reliability.ReliabilityChecks.ReceivedMail;
import com.partnerflow.reliability.ReliabilityFigures.Row;
import com.partnerflow.reliability.ReliabilityFigures.Tally;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 5: the mail server's SMTP service stops for {@code reliability.smtp-outage}
 * (default two minutes) while {@code reliability.smtp-outage.requests} (default 40) MDF requests
 * run from submission to payment on one instance of the packaged service. The jobs that mail fail
 * and are retried with a growing backoff (the service's defaults: 5 s, 10 s, 20 s …, eight
 * retries), so they ride the outage out without an incident. Afterwards, exact counts: every
 * request closed, every mail in the notification log and in its recipient's mailbox exactly once,
 * and the log's attempts numbered 1…n per mail, each failed one inside the outage and with the
 * server's answer, the last one sent.
 */
@Tag("reliability")
class SmtpOutageIT {

  static final String SCENARIO = "SMTP outage";
  static final int REQUESTS = Integer.getInteger("reliability.smtp-outage.requests", 40);
  static final Duration OUTAGE =
      Duration.parse(System.getProperty("reliability.smtp-outage", "PT2M"));
  static final int PARTNERS = 10;
  static final BigDecimal BUDGET = new BigDecimal("500000.00");
  static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  static ReliabilityStack stack;
  static ReliabilityProgram program;

  @BeforeAll
  static void start() {
    stack = ReliabilityStack.start(1);
    program = ReliabilityProgram.seed(stack.database(), PARTNERS, BUDGET);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void everyMailIsSentOnceAfterTheOutageAndTheLogShowsEachRetry() throws Exception {
    String tag = LocalTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HHmmss"));
    try (var api = new PartnerflowApi(stack.services(), ReliabilityProgram.PASSWORD)) {
      var workload = new MdfWorkload(api, program, tag, REQUESTS);
      ExecutorService runner = Executors.newSingleThreadExecutor();
      Future<?> run =
          runner.submit(
              () -> {
                workload.run(
                    4,
                    () -> closedRequests(stack.database()) == REQUESTS,
                    Duration.ofMinutes(6).plus(OUTAGE));
                return null;
              });
      Instant outageStarted;
      Instant smtpDown;
      Instant outageEnded;
      try {
        // The outage begins once mail is flowing and most of the work is still ahead.
        awaitSentMails(REQUESTS / 2, run);
        outageStarted = Instant.now();
        stack.stopSmtp();
        smtpDown = Instant.now();
        System.out.printf("[reliability] SMTP stopped for %s%n", OUTAGE);
        Thread.sleep(OUTAGE);
        stack.startSmtp();
        outageEnded = Instant.now();
        System.out.println("[reliability] SMTP started again");
        run.get(10, TimeUnit.MINUTES);
      } finally {
        runner.shutdownNow();
      }
      System.out.printf("[reliability] %d requests closed; %s%n", REQUESTS, workload.counters());

      List<Row> rows = new ArrayList<>();
      var softly = new SoftAssertions();
      try (Connection db = stack.database().connect()) {
        softly
            .assertThat(counts(db, "SELECT status, COUNT(*) FROM mdf_request GROUP BY status"))
            .isEqualTo(Map.of("CLOSED", (long) REQUESTS));
        rows.add(
            row(
                SCENARIO,
                1,
                "mails in the notification log",
                3L * REQUESTS,
                notificationTally(db, workload),
                softly));
        softly
            .assertThat(counts(db, "SELECT status, COUNT(*) FROM notification GROUP BY status"))
            .isEqualTo(Map.of("SENT", 3L * REQUESTS));
        List<Attempt> attempts = attempts(db);
        long attemptsCounted = single(db, "SELECT COALESCE(SUM(attempts), 0) FROM notification");
        rows.add(
            row(
                SCENARIO,
                1,
                "send attempts in the notification log",
                attemptsCounted,
                attemptTally(db, attempts),
                softly));
        Set<Long> retried = new HashSet<>();
        Set<Long> inFlightAtTheStop = new HashSet<>();
        for (Attempt attempt : attempts) {
          if (attempt.failed()) {
            retried.add(attempt.notificationId());
            // An attempt is timed when it begins: one begun before SMTP was down was in flight.
            if (attempt.at().isBefore(smtpDown)) {
              inFlightAtTheStop.add(attempt.notificationId());
            }
            softly
                .assertThat(attempt.at())
                .as("failed attempt begun before SMTP was back: " + attempt)
                .isBefore(outageEnded.plusSeconds(1));
            softly.assertThat(attempt.error()).as("server's answer of " + attempt).isNotBlank();
          } else {
            boolean wellInsideTheOutage =
                attempt.at().isAfter(outageStarted.plusSeconds(1))
                    && attempt.at().isBefore(outageEnded.minusSeconds(1));
            softly
                .assertThat(wellInsideTheOutage)
                .as("sent attempt during the outage: " + attempt)
                .isFalse();
          }
        }
        List<ReceivedMail> received = received(stack, program);
        // What the recipients see: one message per mail, every delivery of it with one Message-ID.
        rows.add(
            row(
                SCENARIO,
                1,
                "mails received (IMAP), by Message-ID",
                3L * REQUESTS,
                messageIdTally(stack, program, workload),
                softly));
        // Every delivery: a mail the server stored just as it stopped, before it acknowledged, is
        // delivered again by the retry. Only mails in flight at the stop may arrive twice.
        Tally deliveries =
            Tally.of(expectedMails(workload), received.stream().map(ReceivedMail::mail).toList());
        Set<String> inFlightMails = mailsOf(db, inFlightAtTheStop);
        Map<String, Long> deliveredTwice =
            received.stream()
                .collect(Collectors.groupingBy(ReceivedMail::mail, Collectors.counting()));
        deliveredTwice.values().removeIf(n -> n < 2);
        softly.assertThat(deliveries.lost()).as("mails never delivered").isZero();
        softly
            .assertThat(inFlightMails)
            .as("mails delivered more than once were in flight at the stop")
            .containsAll(deliveredTwice.keySet());
        softly
            .assertThat(deliveredTwice.values())
            .as("deliveries of a mail in flight at the stop")
            .allMatch(n -> n == 2L);
        rows.add(
            new Row(
                SCENARIO,
                "SMTP deliveries (mails in flight at the stop: %d)".formatted(inFlightMails.size()),
                1,
                3L * REQUESTS,
                deliveries.lost(),
                deliveries.duplicated()));
        System.out.printf(
            "[reliability] %d of %d mails failed at least once during the outage (%d in flight at"
                + " the stop, %d of them delivered twice), %d attempts; %d jobs failed at least"
                + " once%n",
            retried.size(),
            3 * REQUESTS,
            inFlightMails.size(),
            deliveredTwice.size(),
            attempts.size(),
            single(db, "SELECT COUNT(*) FROM job_failure"));
        // Without mails that met the outage the scenario would prove nothing.
        assertThat(retried).as("mails that met the outage").isNotEmpty();
        // Each mail that met the outage: exactly one SENT attempt after its failed ones.
        rows.add(
            row(
                SCENARIO,
                1,
                "mails retried after the outage, sent",
                retried.size(),
                Tally.of(
                    retried.stream().map(String::valueOf).toList(),
                    attempts.stream()
                        .filter(a -> !a.failed() && retried.contains(a.notificationId()))
                        .map(a -> String.valueOf(a.notificationId()))
                        .toList()),
                softly));
      }
      ReliabilityFigures.record(rows);
      softly.assertAll();
    }
  }

  /** recipient|subject of the notifications, as {@link ReliabilityChecks#expectedMails}. */
  private static Set<String> mailsOf(Connection db, Set<Long> notifications) throws SQLException {
    Set<String> mails = new HashSet<>();
    try (ResultSet rs =
        db.createStatement().executeQuery("SELECT id, recipient, subject FROM notification")) {
      while (rs.next()) {
        if (notifications.contains(rs.getLong(1))) {
          mails.add(rs.getString(2) + "|" + rs.getString(3));
        }
      }
    }
    return mails;
  }

  /** One attempt of the notification log's history. */
  record Attempt(long notificationId, int number, Instant at, boolean failed, String error) {}

  private static List<Attempt> attempts(Connection db) throws SQLException {
    List<Attempt> attempts = new ArrayList<>();
    try (ResultSet rs =
        db.createStatement()
            .executeQuery(
                "SELECT notification_id, attempt,"
                    + " DATE_FORMAT(attempted_at, '%Y-%m-%d %H:%i:%s.%f'), outcome, error"
                    + " FROM notification_attempt")) {
      while (rs.next()) {
        attempts.add(
            new Attempt(
                rs.getLong(1),
                rs.getInt(2),
                // The service stores instants in UTC (hibernate.jdbc.time_zone).
                LocalDateTime.parse(rs.getString(3), STORED).toInstant(ZoneOffset.UTC),
                "FAILED".equals(rs.getString(4)),
                rs.getString(5)));
      }
    }
    return attempts;
  }

  /**
   * Each mail's attempts are numbered 1…n, n its attempt count; only the n-th was sent. An attempt
   * missing from the history is lost, a number written twice (or a second success) duplicated.
   */
  private static Tally attemptTally(Connection db, List<Attempt> attempts) throws SQLException {
    List<String> expected = new ArrayList<>();
    try (ResultSet rs =
        db.createStatement().executeQuery("SELECT id, attempts FROM notification")) {
      while (rs.next()) {
        for (int n = 1; n <= rs.getInt(2); n++) {
          expected.add(rs.getLong(1) + "/" + n + "/" + (n == rs.getInt(2) ? "SENT" : "FAILED"));
        }
      }
    }
    List<String> observed =
        attempts.stream()
            .map(
                a -> a.notificationId() + "/" + a.number() + "/" + (a.failed() ? "FAILED" : "SENT"))
            .toList();
    return Tally.of(expected, observed);
  }

  private static void awaitSentMails(int mails, Future<?> run) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (sentMails() < mails) {
      if (run.isDone()) {
        run.get(); // the workload failed or finished before the outage: show why
        throw new AssertionError("The workload ended before the outage began");
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Fewer than " + mails + " mails were sent in 5 minutes");
      }
      Thread.sleep(250);
    }
  }

  private static long sentMails() throws SQLException {
    try (Connection db = stack.database().connect()) {
      return single(db, "SELECT COUNT(*) FROM notification WHERE status = 'SENT'");
    }
  }
}
