package com.partnerflow.fund;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's sums for insights ({@code fund_ledger_total} per budget, kind, activity type and
 * lapse; {@code fund_ledger_day} per budget, UTC day, kind and activity type), kept by {@link
 * FundLedger} in the transaction that appends the entry. Every write to a budget's summary happens
 * under that budget's lock, so an UPDATE that finds no row can INSERT it without a race.
 */
@Component
class LedgerSummary {

  private static final String NO_ACTIVITY = "";

  private final JdbcClient jdbc;

  LedgerSummary(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds a just-appended entry to its budget's sums. */
  void add(LedgerEntry entry) {
    Map<String, Object> total =
        Map.of(
            "budgetId", entry.getBudgetId(),
            "type", entry.getType().name(),
            "activity", activityOf(entry),
            "lapsed", entry.isLapsed(),
            "amount", entry.amount().amount());
    upsert(
        """
        UPDATE fund_ledger_total SET amount = amount + :amount, entries = entries + 1
        WHERE budget_id = :budgetId AND entry_type = :type AND activity_type = :activity
          AND lapsed = :lapsed""",
        """
        INSERT INTO fund_ledger_total (budget_id, entry_type, activity_type, lapsed, amount, entries)
        VALUES (:budgetId, :type, :activity, :lapsed, :amount, 1)""",
        total);
    Map<String, Object> day =
        Map.of(
            "budgetId", entry.getBudgetId(),
            "day", LocalDate.ofInstant(entry.getCreatedAt(), ZoneOffset.UTC),
            "type", entry.getType().name(),
            "activity", activityOf(entry),
            "amount", entry.amount().amount());
    upsert(
        """
        UPDATE fund_ledger_day SET amount = amount + :amount, entries = entries + 1
        WHERE budget_id = :budgetId AND entry_day = :day AND entry_type = :type
          AND activity_type = :activity""",
        """
        INSERT INTO fund_ledger_day (budget_id, entry_day, entry_type, activity_type, amount, entries)
        VALUES (:budgetId, :day, :type, :activity, :amount, 1)""",
        day);
  }

  /**
   * Computes both tables anew from the entries, for entries written around the service (a data
   * migration, a bulk load). Locks every budget first, so no movement is summed twice or missed.
   */
  void rebuild() {
    jdbc.sql("SELECT id FROM fund_budget FOR UPDATE").query(String.class).list();
    jdbc.sql("DELETE FROM fund_ledger_total").update();
    jdbc.sql("DELETE FROM fund_ledger_day").update();
    jdbc.sql(
            """
            INSERT INTO fund_ledger_total (budget_id, entry_type, activity_type, lapsed, amount,
                entries)
            SELECT budget_id, entry_type, COALESCE(activity_type, ''), lapsed, SUM(amount), COUNT(*)
            FROM fund_ledger_entry
            GROUP BY budget_id, entry_type, COALESCE(activity_type, ''), lapsed""")
        .update();
    jdbc.sql(
            """
            INSERT INTO fund_ledger_day (budget_id, entry_day, entry_type, activity_type, amount,
                entries)
            SELECT budget_id, CAST(created_at AS DATE), entry_type, COALESCE(activity_type, ''),
                SUM(amount), COUNT(*)
            FROM fund_ledger_entry
            GROUP BY budget_id, CAST(created_at AS DATE), entry_type, COALESCE(activity_type, '')""")
        .update();
  }

  private void upsert(String update, String insert, Map<String, Object> params) {
    if (jdbc.sql(update).params(params).update() == 0) {
      jdbc.sql(insert).params(params).update();
    }
  }

  private static String activityOf(LedgerEntry entry) {
    return Objects.requireNonNullElse(entry.getActivityType(), NO_ACTIVITY);
  }
}
