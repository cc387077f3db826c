package com.partnerflow.fund;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** The append-only ledger: entries can be added and read, never updated or deleted. */
interface LedgerEntries extends Repository<LedgerEntry, Long> {

  LedgerEntry save(LedgerEntry entry);

  Optional<LedgerEntry> findByIdempotencyKey(String idempotencyKey);

  List<LedgerEntry> findByBudgetIdOrderByIdAsc(String budgetId);

  List<LedgerEntry> findByBudgetIdAndReferenceOrderByIdAsc(String budgetId, String reference);
}
