package com.partnerflow.insights;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request side of the read model: a row per request with its claims' and confirmed payments'
 * sums ({@code insights_request_outcome}) and a row per confirmed payment with its time to cash
 * ({@code insights_cash_time}), so that a dashboard call sums a period's requests instead of every
 * claim and payment behind them. {@link RequestOutcomeListener} refreshes a request's rows in the
 * transaction that changes it; {@link #rebuild} computes them all anew.
 */
@Component
public class RequestOutcomes {

  /** Each request with its claims' sums; {@code %s} is the WHERE condition on {@code r}. */
  private static final String OUTCOMES =
      """
      INSERT INTO insights_request_outcome
      SELECT r.id, r.partner_id, r.activity_type, r.currency, r.submitted_at, r.status,
        r.requested_amount, r.approved_amount, r.expected_leads, r.expected_pipeline,
        r.expected_registrations,
        SUM(CASE WHEN c.submitted_at IS NOT NULL THEN 1 ELSE 0 END),
        SUM(CASE WHEN c.submitted_at IS NOT NULL THEN COALESCE(c.claimed_amount, 0) ELSE 0 END),
        SUM(CASE WHEN c.status IN %1$s THEN 1 ELSE 0 END),
        SUM(CASE WHEN c.status IN %1$s THEN COALESCE(c.approved_amount, 0) ELSE 0 END),
        SUM(CASE WHEN c.status IN %1$s THEN COALESCE(c.leads, 0) ELSE 0 END),
        SUM(CASE WHEN c.status IN %1$s THEN COALESCE(c.opportunities, 0) ELSE 0 END),
        SUM(CASE WHEN c.status IN %1$s THEN COALESCE(c.pipeline_created, 0) ELSE 0 END),
        SUM(CASE WHEN c.status IN %1$s THEN COALESCE(c.registrations, 0) ELSE 0 END),
        COALESCE((SELECT COUNT(*) FROM payment pm
          WHERE pm.mdf_request_id = r.id AND pm.status = 'CONFIRMED'), 0),
        COALESCE((SELECT SUM(pm.amount) FROM payment pm
          WHERE pm.mdf_request_id = r.id AND pm.status = 'CONFIRMED'), 0)
      FROM mdf_request r
      LEFT JOIN disbursement_claim c ON c.mdf_request_id = r.id
      WHERE %2$s
      GROUP BY r.id, r.partner_id, r.activity_type, r.currency, r.submitted_at, r.status,
        r.requested_amount, r.approved_amount, r.expected_leads, r.expected_pipeline,
        r.expected_registrations""";

  /**
   * A claim's submission to the bank's confirmation of its payment (the ledger's PAY), per
   * confirmed payment, also in microseconds for percentiles in SQL; {@code %s} is the WHERE
   * condition on {@code r}.
   */
  private static final String CASH_TIMES =
      """
      INSERT INTO insights_cash_time
      SELECT pm.id, r.id, r.partner_id, r.activity_type, r.submitted_at, c.submitted_at,
        e.created_at, TIMESTAMPDIFF(MICROSECOND, c.submitted_at, e.created_at)
      FROM mdf_request r
      JOIN payment pm ON pm.mdf_request_id = r.id AND pm.status = 'CONFIRMED'
      JOIN disbursement_claim c ON c.id = pm.claim_id
      JOIN fund_ledger_entry e ON e.idempotency_key = CONCAT('payment:', pm.id, ':pay')
      WHERE c.submitted_at IS NOT NULL AND %s""";

  /** The written tables the statements above read, by their alias there. */
  private static final Map<String, String> TABLES =
      Map.of("r", "mdf_request", "c", "disbursement_claim", "pm", "payment");

  /**
   * For each of {@link #TABLES}, the columns the statements above read (taken from their text, so
   * that they cannot drift apart): an update of other columns leaves the read model as it is.
   */
  static final Map<String, Set<String>> COLUMNS_READ = columnsRead(OUTCOMES + CASH_TIMES);

  private static final String ONE_REQUEST = "r.id = ?";
  private static final String EVERY_REQUEST = "1 = 1";

  private final JdbcTemplate jdbc;

  RequestOutcomes(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Writes the request's rows anew on the connection of the transaction that changed it. The
   * request's row is locked first, so that two transactions refreshing the same request (two of its
   * claims paid at once) write one after the other.
   */
  static void refresh(Connection connection, String requestId) throws SQLException {
    execute(connection, "SELECT id FROM mdf_request WHERE id = ? FOR UPDATE", requestId);
    execute(connection, "DELETE FROM insights_request_outcome WHERE request_id = ?", requestId);
    execute(connection, "DELETE FROM insights_cash_time WHERE request_id = ?", requestId);
    execute(connection, outcomes(ONE_REQUEST), requestId);
    execute(connection, CASH_TIMES.formatted(ONE_REQUEST), requestId);
  }

  /** Computes every row anew: for requests, claims or payments written around the service. */
  @Transactional
  public void rebuild() {
    jdbc.query("SELECT id FROM mdf_request FOR UPDATE", rs -> {});
    jdbc.update("DELETE FROM insights_request_outcome");
    jdbc.update("DELETE FROM insights_cash_time");
    jdbc.update(outcomes(EVERY_REQUEST));
    jdbc.update(CASH_TIMES.formatted(EVERY_REQUEST));
  }

  private static Map<String, Set<String>> columnsRead(String sql) {
    Map<String, Set<String>> read = new HashMap<>();
    Matcher column = Pattern.compile("\\b(\\w+)\\.([a-z_]+)\\b").matcher(sql);
    while (column.find()) {
      String table = TABLES.get(column.group(1));
      if (table != null) {
        read.computeIfAbsent(table, t -> new HashSet<>()).add(column.group(2));
      }
    }
    read.replaceAll((table, columns) -> Set.copyOf(columns));
    return Map.copyOf(read);
  }

  private static String outcomes(String where) {
    return OUTCOMES.formatted(InsightsQueries.VERIFIED_CLAIMS, where);
  }

  private static void execute(Connection connection, String sql, String requestId)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, requestId);
      statement.execute();
    }
  }
}
