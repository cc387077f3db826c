package com.partnerflow.reliability;

import static com.partnerflow.reliability.ReliabilityChecks.assertClosedAndPaid;
import static com.partnerflow.reliability.ReliabilityChecks.batchesTally;
import static com.partnerflow.reliability.ReliabilityChecks.claimsTally;
import static com.partnerflow.reliability.ReliabilityChecks.closedRequests;
import static com.partnerflow.reliability.ReliabilityChecks.counts;
import static com.partnerflow.reliability.ReliabilityChecks.ledgerTally;
import static com.partnerflow.reliability.ReliabilityChecks.mailboxTally;
import static com.partnerflow.reliability.ReliabilityChecks.notificationTally;
import static com.partnerflow.reliability.ReliabilityChecks.paymentsTally;
import static com.partnerflow.reliability.ReliabilityChecks.requestsTally;
import static com.partnerflow.reliability.ReliabilityChecks.row;
import static com.partnerflow.reliability.ReliabilityChecks.tasksTally;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.reliability.ReliabilityFigures.Row;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 3: two instances of the packaged service against one engine and one database, as
 * behind a load balancer, take {@code reliability.requests} (default 200) MDF requests from
 * submission to payment. Afterwards exact counts, from the database, the API and the mail server:
 * every request closed once, one inbox row per user task, one claim, one payment and one RESERVE,
 * PAY and RELEASE entry per request, budgets equal to the sums of their ledger entries, and every
 * mail delivered exactly once.
 */
@Tag("reliability")
class TwoServiceInstancesIT {

  static final String SCENARIO = "Two service instances";
  static final int REQUESTS = Integer.getInteger("reliability.requests", 200);
  static final int PARTNERS = 20;
  static final BigDecimal BUDGET = new BigDecimal("500000.00");

  static ReliabilityStack stack;
  static ReliabilityProgram program;

  @BeforeAll
  static void start() {
    stack = ReliabilityStack.start(2);
    program = ReliabilityProgram.seed(stack.database(), PARTNERS, BUDGET);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void everyRequestIsPaidOnceAndEveryMailSentOnce() throws Exception {
    String tag = LocalTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HHmmss"));
    try (var api = new PartnerflowApi(stack.services(), ReliabilityProgram.PASSWORD)) {
      var workload = new MdfWorkload(api, program, tag, REQUESTS);
      long started = System.nanoTime();
      workload.run(8, () -> closedRequests(stack.database()) == REQUESTS, Duration.ofMinutes(8));
      System.out.printf(
          "[reliability] %d requests closed in %d s; %s; calls answered per instance %s%n",
          REQUESTS,
          Duration.ofNanos(System.nanoTime() - started).toSeconds(),
          workload.counters(),
          java.util.Arrays.toString(api.answeredPerInstance()));

      Map<String, MdfWorkload.Planned> requests = workload.requests();
      List<Row> rows = new ArrayList<>();
      var softly = new SoftAssertions();
      try (Connection db = stack.database().connect()) {
        rows.add(
            row(SCENARIO, 0, "MDF requests", requests.size(), requestsTally(db, workload), softly));
        rows.add(row(SCENARIO, 0, "inbox tasks", 3L * REQUESTS, tasksTally(db, requests), softly));
        rows.add(row(SCENARIO, 0, "claims", REQUESTS, claimsTally(db, requests), softly));
        rows.add(row(SCENARIO, 0, "payments", REQUESTS, paymentsTally(db, requests), softly));
        rows.add(row(SCENARIO, 0, "payments in batches", REQUESTS, batchesTally(db), softly));
        rows.add(
            row(
                SCENARIO,
                0,
                "ledger entries (RESERVE, PAY, RELEASE)",
                3L * REQUESTS,
                ledgerTally(db, requests),
                softly));
        rows.add(
            row(
                SCENARIO,
                0,
                "mails in the notification log",
                3L * REQUESTS,
                notificationTally(db, workload),
                softly));
        rows.add(
            row(
                SCENARIO,
                0,
                "mails received (IMAP)",
                3L * REQUESTS,
                mailboxTally(stack, program, workload),
                softly));
        assertBudgetsEqualTheirLedger(db, workload, softly);
        assertStates(db, softly);
      }
      assertThroughTheApi(api, workload, softly);
      softly
          .assertThat(workload.count("completed through instance 1"))
          .as("task completions answered by instance 1")
          .isPositive();
      softly
          .assertThat(workload.count("completed through instance 2"))
          .as("task completions answered by instance 2")
          .isPositive();
      assertJobsWorkedOnBothInstances(softly);
      ReliabilityFigures.record(rows);
      softly.assertAll();
    }
  }

  /**
   * allocated = Σ ALLOCATE, reserved = Σ RESERVE − Σ RELEASE − Σ PAY, paid = Σ PAY; all settled.
   */
  private static void assertBudgetsEqualTheirLedger(
      Connection db, MdfWorkload workload, SoftAssertions softly) throws SQLException {
    Map<String, BigDecimal> paidPerPartner =
        workload.plan().stream()
            .collect(
                Collectors.groupingBy(
                    p -> p.partner().id(),
                    Collectors.reducing(
                        BigDecimal.ZERO, MdfWorkload.Planned::claimed, BigDecimal::add)));
    String sql =
        """
        SELECT b.partner_id, b.allocated, b.reserved, b.paid,
          COALESCE(SUM(CASE WHEN e.entry_type = 'ALLOCATE' THEN e.amount END), 0),
          COALESCE(SUM(CASE WHEN e.entry_type = 'RESERVE' THEN e.amount END), 0)
            - COALESCE(SUM(CASE WHEN e.entry_type = 'RELEASE' THEN e.amount END), 0)
            - COALESCE(SUM(CASE WHEN e.entry_type = 'PAY' THEN e.amount END), 0),
          COALESCE(SUM(CASE WHEN e.entry_type = 'PAY' THEN e.amount END), 0)
        FROM fund_budget b LEFT JOIN fund_ledger_entry e ON e.budget_id = b.id
        GROUP BY b.id, b.partner_id, b.allocated, b.reserved, b.paid
        """;
    int budgets = 0;
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        budgets++;
        String partner = rs.getString(1);
        softly
            .assertThat(rs.getBigDecimal(2))
            .as("allocated of " + partner)
            .isEqualByComparingTo(rs.getBigDecimal(5));
        softly
            .assertThat(rs.getBigDecimal(3))
            .as("reserved of " + partner)
            .isEqualByComparingTo(rs.getBigDecimal(6));
        softly
            .assertThat(rs.getBigDecimal(4))
            .as("paid of " + partner)
            .isEqualByComparingTo(rs.getBigDecimal(7));
        softly
            .assertThat(rs.getBigDecimal(2))
            .as("allocation of " + partner)
            .isEqualByComparingTo(BUDGET);
        softly
            .assertThat(rs.getBigDecimal(3))
            .as("left reserved of " + partner)
            .isEqualByComparingTo("0");
        softly
            .assertThat(rs.getBigDecimal(4))
            .as("paid to " + partner)
            .isEqualByComparingTo(paidPerPartner.getOrDefault(partner, BigDecimal.ZERO));
      }
    }
    softly.assertThat(budgets).as("budgets").isEqualTo(PARTNERS);
  }

  /** Everything ended where the journey ends: nothing open, nothing failed, nothing unsent. */
  private static void assertStates(Connection db, SoftAssertions softly) throws SQLException {
    assertClosedAndPaid(db, REQUESTS, softly);
    softly
        .assertThat(counts(db, "SELECT state, COUNT(*) FROM inbox_task GROUP BY state"))
        .isEqualTo(Map.of("COMPLETED", 3L * REQUESTS));
    softly
        .assertThat(counts(db, "SELECT template, COUNT(*) FROM notification GROUP BY template"))
        .isEqualTo(
            Map.of(
                "claim-received", (long) REQUESTS,
                "claim-approved", (long) REQUESTS,
                "milestone-paid", (long) REQUESTS));
    softly
        .assertThat(counts(db, "SELECT status, COUNT(*) FROM notification GROUP BY status"))
        .isEqualTo(Map.of("SENT", 3L * REQUESTS));
  }

  /** What the instances answer agrees with the database, on each of them. */
  private static void assertThroughTheApi(
      PartnerflowApi api, MdfWorkload workload, SoftAssertions softly) {
    String finance = ReliabilityProgram.FINANCE_USERS.get(0);
    for (int instance = 0; instance < stack.services().size(); instance++) {
      String by = " listed by instance " + (instance + 1);
      var closed = api.getFrom(instance, finance, "/api/mdf-requests?status=CLOSED");
      softly.assertThat(closed.status()).isEqualTo(200);
      softly
          .assertThat(fieldOfEach(closed.json().get("items"), "title"))
          .as("CLOSED requests" + by)
          .containsExactlyInAnyOrderElementsOf(
              workload.plan().stream().map(MdfWorkload.Planned::title).toList());
      var payments = api.getFrom(instance, finance, "/api/payments");
      softly.assertThat(payments.status()).isEqualTo(200);
      JsonNode items = payments.json().get("items");
      softly
          .assertThat(fieldOfEach(items, "status"))
          .as("payments" + by)
          .hasSize(REQUESTS)
          .containsOnly("CONFIRMED");
      softly
          .assertThat(fieldOfEach(items, "mdfRequestId"))
          .as("requests paid" + by)
          .containsExactlyInAnyOrderElementsOf(workload.requests().keySet());
    }
    Map<String, BigDecimal> paid = new HashMap<>();
    workload.plan().forEach(p -> paid.merge(p.partner().user(), p.claimed(), BigDecimal::add));
    for (var partner : program.partners()) {
      var funds = api.get(partner.user(), "/api/partners/" + partner.id() + "/funds");
      softly.assertThat(funds.status()).isEqualTo(200);
      JsonNode budget = funds.json().get(0);
      softly
          .assertThat(budget.get("paid").decimalValue())
          .as("paid, API, " + partner.user())
          .isEqualByComparingTo(paid.get(partner.user()));
      softly
          .assertThat(budget.get("reserved").decimalValue())
          .as("reserved, API, " + partner.user())
          .isEqualByComparingTo("0");
      softly
          .assertThat(budget.get("available").decimalValue())
          .as("available, API, " + partner.user())
          .isEqualByComparingTo(BUDGET.subtract(paid.get(partner.user())));
    }
  }

  /**
   * The job workers of both instances took the engine's jobs: each sent some of the mails (the
   * notification service logs every mail it sends), and together exactly all of them.
   */
  private static void assertJobsWorkedOnBothInstances(SoftAssertions softly) {
    long total = 0;
    for (ServiceInstance service : stack.services()) {
      long sent =
          service
              .process()
              .logText()
              .lines()
              .filter(
                  line ->
                      line.contains(
                          "\"logger_name\":\"com.partnerflow.notification.Notifications\""))
              .filter(line -> line.contains("\"message\":\"Sent '"))
              .count();
      System.out.printf("[reliability] %s sent %d mails%n", service.name(), sent);
      softly.assertThat(sent).as("mails sent by the job workers of " + service.name()).isPositive();
      total += sent;
    }
    softly.assertThat(total).as("mails sent by both instances together").isEqualTo(3L * REQUESTS);
  }

  /** The field of each item of a list, not of what the items nest. */
  private static List<String> fieldOfEach(JsonNode items, String field) {
    List<String> values = new ArrayList<>();
    items.forEach(item -> values.add(item.path(field).asText()));
    return values;
  }
}
