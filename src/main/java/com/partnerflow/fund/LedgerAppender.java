package com.partnerflow.fund;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends ledger entries with {@code INSERT IGNORE}, so that losing a race for an idempotency key
 * is an answer ("the key is taken") instead of a unique-key error that would doom the caller's
 * transaction. The budget lock makes this race rare; H2 can still let the second transaction in
 * before the first one's entry is visible to it, which MySQL does not.
 */
@Component
class LedgerAppender {

  private final JdbcClient jdbc;

  LedgerAppender(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the entry was written; {@code false} when its idempotency key is already taken. */
  boolean appendUnlessKeyExists(LedgerEntry entry) {
    return jdbc.sql(
                """
                INSERT IGNORE INTO fund_ledger_entry (budget_id, entry_type, amount, currency,
                    reference, idempotency_key, actor, reason, created_at, activity_type, lapsed)
                VALUES (:budgetId, :type, :amount, :currency, :reference, :idempotencyKey, :actor,
                    :reason, :createdAt, :activityType, :lapsed)
                """)
            .param("budgetId", entry.getBudgetId())
            .param("type", entry.getType().name())
            .param("amount", entry.amount().amount())
            .param("currency", entry.amount().currency())
            .param("reference", entry.getReference())
            .param("idempotencyKey", entry.getIdempotencyKey())
            .param("actor", entry.getActor())
            .param("reason", entry.getReason())
            // Stored as UTC wall time, as Hibernate does with hibernate.jdbc.time_zone=UTC.
            .param("createdAt", LocalDateTime.ofInstant(entry.getCreatedAt(), ZoneOffset.UTC))
            .param("activityType", entry.getActivityType())
            .param("lapsed", entry.isLapsed())
            .update()
        == 1;
  }
}
