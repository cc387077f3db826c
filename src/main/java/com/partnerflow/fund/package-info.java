/**
 * Fund ledger: the market development funds each partner may use per fund period and currency, and
 * the append-only record of every money movement on them (ALLOCATE, RESERVE, RELEASE, PAY, ADJUST).
 * Other modules move money only through {@link com.partnerflow.fund.FundLedger}, whose operations
 * are transactional, idempotent by idempotency key and serialised per budget with a database row
 * lock, so that the available amount (allocated − reserved − paid) never goes below zero, even with
 * several service instances. Partners read their balances through {@code GET
 * /api/partners/{id}/funds}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Fund ledger",
    allowedDependencies = {"common", "identity", "partner"})
package com.partnerflow.fund;
