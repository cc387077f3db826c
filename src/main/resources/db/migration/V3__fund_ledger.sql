-- The fund ledger: one budget per partner, fund period and currency, and the append-only record of
-- every money movement on it. The budget's running totals are kept in step with the ledger in the
-- same transaction; the CHECK constraints are the last line of defence for "available >= 0".
-- Runs unchanged on MySQL 8 and on H2 in MySQL mode.
CREATE TABLE fund_budget (
    id          VARCHAR(36)    NOT NULL,
    partner_id  VARCHAR(36)    NOT NULL,
    period      VARCHAR(10)    NOT NULL,
    currency    CHAR(3)        NOT NULL,
    starts_on   DATE           NOT NULL,
    ends_on     DATE           NOT NULL,
    status      VARCHAR(10)    NOT NULL,
    allocated   DECIMAL(19, 2) NOT NULL,
    reserved    DECIMAL(19, 2) NOT NULL,
    paid        DECIMAL(19, 2) NOT NULL,
    created_at  DATETIME(6)    NOT NULL,
    closed_at   DATETIME(6),
    version     BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_fund_budget PRIMARY KEY (id),
    CONSTRAINT uk_fund_budget_partner_period_currency UNIQUE (partner_id, period, currency),
    CONSTRAINT fk_fund_budget_partner FOREIGN KEY (partner_id) REFERENCES partner (id),
    CONSTRAINT ck_fund_budget_totals
        CHECK (reserved >= 0 AND paid >= 0 AND allocated - reserved - paid >= 0)
);
CREATE INDEX ix_fund_budget_period ON fund_budget (period, status);

CREATE TABLE fund_ledger_entry (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    budget_id       VARCHAR(36)    NOT NULL,
    entry_type      VARCHAR(10)    NOT NULL,
    amount          DECIMAL(19, 2) NOT NULL,
    currency        CHAR(3)        NOT NULL,
    reference       VARCHAR(200),
    idempotency_key VARCHAR(255)   NOT NULL,
    actor           VARCHAR(100)   NOT NULL,
    reason          VARCHAR(1000),
    created_at      DATETIME(6)    NOT NULL,
    CONSTRAINT pk_fund_ledger_entry PRIMARY KEY (id),
    CONSTRAINT uk_fund_ledger_entry_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT fk_fund_ledger_entry_budget FOREIGN KEY (budget_id) REFERENCES fund_budget (id),
    CONSTRAINT ck_fund_ledger_entry_amount CHECK (entry_type = 'ADJUST' OR amount > 0)
);
CREATE INDEX ix_fund_ledger_entry_budget_reference ON fund_ledger_entry (budget_id, reference);
