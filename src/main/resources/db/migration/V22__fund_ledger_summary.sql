-- The ledger's summary for insights (issue 14): two years of a program are a million entries, and
-- summing them on every dashboard call takes seconds. Each entry now says which activity type its
-- reservation funds (releases and payments inherit it from the reservation) and whether it lapses a
-- milestone nothing was claimed for; FundLedger keeps the two summary tables in the same transaction
-- as the entry, under the budget's lock. Runs unchanged on MySQL 8 and on H2 in MySQL mode.
ALTER TABLE fund_ledger_entry ADD COLUMN activity_type VARCHAR(30);
ALTER TABLE fund_ledger_entry ADD COLUMN lapsed BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE fund_ledger_entry SET activity_type =
    (SELECT r.activity_type FROM mdf_request r
     WHERE r.id = SUBSTRING(fund_ledger_entry.reference, 13)
       AND fund_ledger_entry.reference = CONCAT('mdf-request:', r.id))
WHERE reference LIKE 'mdf-request:%';

UPDATE fund_ledger_entry SET lapsed = TRUE
WHERE entry_type = 'RELEASE'
  AND idempotency_key LIKE 'milestone:%:release'
  AND EXISTS (SELECT 1 FROM disbursement_claim c
              WHERE c.status = 'LAPSED'
                AND fund_ledger_entry.idempotency_key = CONCAT('milestone:', c.milestone_id, ':release'));

-- Sums per budget, kind of movement, activity type ('' for none: allocations and adjustments) and
-- lapse.
CREATE TABLE fund_ledger_total (
    budget_id     VARCHAR(36)    NOT NULL,
    entry_type    VARCHAR(10)    NOT NULL,
    activity_type VARCHAR(30)    NOT NULL,
    lapsed        BOOLEAN        NOT NULL,
    amount        DECIMAL(19, 2) NOT NULL,
    entries       BIGINT         NOT NULL,
    CONSTRAINT pk_fund_ledger_total PRIMARY KEY (budget_id, entry_type, activity_type, lapsed),
    CONSTRAINT fk_fund_ledger_total_budget FOREIGN KEY (budget_id) REFERENCES fund_budget (id)
);

-- Sums per budget, UTC day, kind of movement and activity type: the burn-down.
CREATE TABLE fund_ledger_day (
    budget_id     VARCHAR(36)    NOT NULL,
    entry_day     DATE           NOT NULL,
    entry_type    VARCHAR(10)    NOT NULL,
    activity_type VARCHAR(30)    NOT NULL,
    amount        DECIMAL(19, 2) NOT NULL,
    entries       BIGINT         NOT NULL,
    CONSTRAINT pk_fund_ledger_day PRIMARY KEY (budget_id, entry_day, entry_type, activity_type),
    CONSTRAINT fk_fund_ledger_day_budget FOREIGN KEY (budget_id) REFERENCES fund_budget (id)
);

INSERT INTO fund_ledger_total (budget_id, entry_type, activity_type, lapsed, amount, entries)
SELECT budget_id, entry_type, COALESCE(activity_type, ''), lapsed, SUM(amount), COUNT(*)
FROM fund_ledger_entry
GROUP BY budget_id, entry_type, COALESCE(activity_type, ''), lapsed;

INSERT INTO fund_ledger_day (budget_id, entry_day, entry_type, activity_type, amount, entries)
SELECT budget_id, CAST(created_at AS DATE), entry_type, COALESCE(activity_type, ''), SUM(amount),
       COUNT(*)
FROM fund_ledger_entry
GROUP BY budget_id, CAST(created_at AS DATE), entry_type, COALESCE(activity_type, '');
