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
