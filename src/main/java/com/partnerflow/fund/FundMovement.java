package com.partnerflow.fund;

import java.time.Instant;

/** One entry of the fund ledger as other modules see it. */
public record FundMovement(
    long id,
    String partnerId,
    String period,
    LedgerEntryType type,
    Money amount,
    String reference,
    String idempotencyKey,
    String actor,
    String reason,
    Instant createdAt) {}
