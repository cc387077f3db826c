package com.partnerflow.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.reliability.ReliabilityFigures.Row;
import com.partnerflow.reliability.ReliabilityFigures.Tally;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * The counting every scenario shares: rows of the figures, requests, tasks, claims, payments,
 * ledger entries and mails expected and observed, SQL.
 */
final class ReliabilityChecks {

  private ReliabilityChecks() {}

  /** A row of the figures ({@code faults} injected) whose lost and duplicated items must be 0. */
  static Row row(
      String scenario, int faults, String item, long affected, Tally tally, SoftAssertions softly) {
    softly.assertThat(tally.expected()).as(item + " expected").isEqualTo(affected);
    softly.assertThat(tally.lost()).as(item + " lost " + tally.examples()).isZero();
    softly.assertThat(tally.duplicated()).as(item + " duplicated " + tally.examples()).isZero();
    return new Row(scenario, item, faults, affected, tally.lost(), tally.duplicated());
  }

  /** Every request ended CLOSED and its payment CONFIRMED: nothing open, nothing failed. */
  static void assertClosedAndPaid(Connection db, int requests, SoftAssertions softly)
      throws SQLException {
    softly
        .assertThat(counts(db, "SELECT status, COUNT(*) FROM mdf_request GROUP BY status"))
        .isEqualTo(Map.of("CLOSED", (long) requests));
    softly
        .assertThat(counts(db, "SELECT status, COUNT(*) FROM payment GROUP BY status"))
        .isEqualTo(Map.of("CONFIRMED", (long) requests));
  }

  static long closedRequests(ReliabilityDatabase database) {
    try (Connection db = database.connect()) {
      return single(db, "SELECT COUNT(*) FROM mdf_request WHERE status = 'CLOSED'");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What each partner's user must get: received, approved and paid, once per request. */
  static List<String> expectedMails(MdfWorkload workload) {
    List<String> expected = new ArrayList<>();
    for (var p : workload.plan()) {
      String to = p.partner().email();
      expected.add(to + "|Claim received: " + p.milestone());
      expected.add(to + "|Claim approved: " + p.milestone());
      expected.add(to + "|Paid: " + p.milestone());
    }
    return expected;
  }

  static Tally notificationTally(Connection db, MdfWorkload workload) throws SQLException {
    return Tally.of(
        expectedMails(workload),
        strings(
            db, "SELECT CONCAT(recipient, '|', subject) FROM notification WHERE status = 'SENT'"));
  }

  /** The mails the mail server holds for the program's people, read over IMAP: every delivery. */
  static Tally mailboxTally(
      ReliabilityStack stack, ReliabilityProgram program, MdfWorkload workload) {
    return Tally.of(
        expectedMails(workload),
        received(stack, program).stream().map(ReceivedMail::mail).toList());
  }

  /**
   * Whether a mail may reach its recipient twice: only one an instance was handing to the SMTP
   * server when it was killed (the server took it, the instance never learnt so), and then with the
   * same Message-ID both times, so the recipient's mail system shows it once.
   */
  enum Deliveries {
    EXACTLY_ONCE,
    ONE_MESSAGE_ID
  }

  /** What the recipients see: one message per mail, every delivery of it with one Message-ID. */
  static Tally messageIdTally(
      ReliabilityStack stack, ReliabilityProgram program, MdfWorkload workload) {
    return Tally.of(
        expectedMails(workload),
        received(stack, program).stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    ReceivedMail::messageId, ReceivedMail::mail, (a, b) -> a))
            .values());
  }

  /** One delivery: {@code mail} is recipient|subject, as in {@link #expectedMails}. */
  record ReceivedMail(String mail, String messageId) {}

  /** Every delivery to the program's people, read over IMAP. */
  static List<ReceivedMail> received(ReliabilityStack stack, ReliabilityProgram program) {
    var mailboxes = new Mailboxes(stack.imapPort());
    List<String> addresses = new ArrayList<>();
    program.partners().forEach(partner -> addresses.add(partner.email()));
    for (String user :
        concat(
            ReliabilityProgram.CHANNEL_MANAGER_USERS,
            ReliabilityProgram.MARKETING_OPS_USERS,
            ReliabilityProgram.FINANCE_USERS)) {
      addresses.add(user + "@partnerflow.example");
    }
    List<ReceivedMail> received = new ArrayList<>();
    for (String address : addresses) {
      mailboxes
          .received(address)
          .forEach(m -> received.add(new ReceivedMail(address + "|" + m.subject(), m.messageId())));
    }
    return received;
  }

  static Tally requestsTally(Connection db, MdfWorkload workload) throws SQLException {
    return Tally.of(
        workload.plan().stream().map(MdfWorkload.Planned::title).toList(),
        strings(db, "SELECT title FROM mdf_request"));
  }

  /** One inbox row per request and user task (review, claim, verification). */
  static Tally tasksTally(Connection db, Map<String, MdfWorkload.Planned> requests)
      throws SQLException {
    List<String> expected = new ArrayList<>();
    for (String id : requests.keySet()) {
      for (String element : List.of(MdfWorkload.REVIEW, MdfWorkload.CLAIM, MdfWorkload.VERIFY)) {
        expected.add(id + "/" + element);
      }
    }
    List<String> observed = new ArrayList<>();
    try (ResultSet rs =
        db.createStatement().executeQuery("SELECT element_id, context_json FROM inbox_task")) {
      while (rs.next()) {
        JsonNode context = PartnerflowApi.JSON.readTree(rs.getString(2));
        observed.add(context.path("mdfRequestId").asText() + "/" + rs.getString(1));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
    return Tally.of(expected, observed);
  }

  static Tally claimsTally(Connection db, Map<String, MdfWorkload.Planned> requests)
      throws SQLException {
    return Tally.of(
        requests.keySet(), strings(db, "SELECT mdf_request_id FROM disbursement_claim"));
  }

  static Tally paymentsTally(Connection db, Map<String, MdfWorkload.Planned> requests)
      throws SQLException {
    return Tally.of(requests.keySet(), strings(db, "SELECT mdf_request_id FROM payment"));
  }

  /** Each payment in exactly one batch, though both finance users start payment runs. */
  static Tally batchesTally(Connection db) throws SQLException {
    return Tally.of(
        strings(db, "SELECT id FROM payment"),
        strings(db, "SELECT payment_id FROM payment_batch_line"));
  }

  /** Exactly one RESERVE, PAY and RELEASE per request, of exactly the planned amounts. */
  static Tally ledgerTally(Connection db, Map<String, MdfWorkload.Planned> requests)
      throws SQLException {
    List<String> expected = new ArrayList<>();
    requests.forEach(
        (id, p) -> {
          expected.add("mdf-request:" + id + "/RESERVE/" + p.amount().setScale(2));
          expected.add("mdf-request:" + id + "/PAY/" + p.claimed().setScale(2));
          expected.add("mdf-request:" + id + "/RELEASE/" + MdfWorkload.UNCLAIMED.setScale(2));
        });
    return Tally.of(
        expected,
        strings(
            db,
            "SELECT CONCAT(reference, '/', entry_type, '/', amount) FROM fund_ledger_entry"
                + " WHERE entry_type <> 'ALLOCATE'"));
  }

  /** Exact counts of everything the run made; lost and duplicated must be 0 in every row. */
  static void assertExactlyOnce(
      ReliabilityStack stack,
      ReliabilityProgram program,
      MdfWorkload workload,
      String scenario,
      int faults,
      int requests,
      Deliveries deliveries)
      throws SQLException {
    Map<String, MdfWorkload.Planned> planned = workload.requests();
    List<Row> rows = new ArrayList<>();
    var softly = new SoftAssertions();
    try (Connection db = stack.database().connect()) {
      rows.add(
          row(
              scenario,
              faults,
              "MDF requests",
              planned.size(),
              requestsTally(db, workload),
              softly));
      rows.add(
          row(
              scenario,
              faults,
              "start messages sent (%d submissions answered pending)"
                  .formatted(workload.count("submissions saved, start pending")),
              planned.size(),
              Tally.of(
                  planned.keySet(),
                  strings(
                      db,
                      "SELECT message_id FROM engine_message"
                          + " WHERE message_name = 'mdf-request-submitted'"
                          + " AND sent_at IS NOT NULL")),
              softly));
      rows.add(
          row(
              scenario,
              faults,
              "inbox tasks (%d completions answered 503)"
                  .formatted(workload.count("completions answered 503 (try again)")),
              3L * requests,
              tasksTally(db, planned),
              softly));
      rows.add(row(scenario, faults, "claims", requests, claimsTally(db, planned), softly));
      rows.add(row(scenario, faults, "payments", requests, paymentsTally(db, planned), softly));
      rows.add(row(scenario, faults, "payments in batches", requests, batchesTally(db), softly));
      rows.add(
          row(
              scenario,
              faults,
              "ledger entries (RESERVE, PAY, RELEASE)",
              3L * requests,
              ledgerTally(db, planned),
              softly));
      rows.add(
          row(
              scenario,
              faults,
              "mails in the notification log",
              3L * requests,
              notificationTally(db, workload),
              softly));
      rows.add(
          deliveries == Deliveries.EXACTLY_ONCE
              ? row(
                  scenario,
                  faults,
                  "mails received (IMAP)",
                  3L * requests,
                  mailboxTally(stack, program, workload),
                  softly)
              : row(
                  scenario,
                  faults,
                  "mails received (IMAP), by Message-ID (%d delivered again after a kill)"
                      .formatted(mailboxTally(stack, program, workload).duplicated()),
                  3L * requests,
                  messageIdTally(stack, program, workload),
                  softly));
      assertClosedAndPaid(db, requests, softly);
      softly
          .assertThat(
              counts(
                  db,
                  "SELECT CASE WHEN sent_at IS NULL THEN 'pending' ELSE 'sent' END, COUNT(*)"
                      + " FROM engine_message GROUP BY CASE WHEN sent_at IS NULL"
                      + " THEN 'pending' ELSE 'sent' END"))
          .as("engine messages (starts and confirmations)")
          .isEqualTo(Map.of("sent", 2L * requests));
    }
    ReliabilityFigures.record(rows);
    softly.assertAll();
  }

  static long single(Connection db, String sql) throws SQLException {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static List<String> strings(Connection db, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  static Map<String, Long> counts(Connection db, String sql) throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return counts;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return Arrays.stream(lists).flatMap(List::stream).toList();
  }
}
