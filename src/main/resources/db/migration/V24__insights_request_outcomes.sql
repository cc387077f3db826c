-- The request side of the insights read model (issue 14): with two years of a program the funnel,
-- ROI, reconciliation, speed and cohorts summed every claim and payment of a period's requests on
-- each call. One row per request with its claims' and confirmed payments' sums, and one row per
-- confirmed payment with its claim's submission and its PAY entry's time (time to cash). The
-- insights module refreshes a request's rows in the transaction that changes the request, one of
-- its claims or payments (a Hibernate listener, before the commit). Runs on MySQL 8 and H2.
CREATE TABLE insights_request_outcome (
    request_id             VARCHAR(36)    NOT NULL,
    partner_id             VARCHAR(36)    NOT NULL,
    activity_type          VARCHAR(30)    NOT NULL,
    currency               CHAR(3)        NOT NULL,
    submitted_at           DATETIME(6)    NOT NULL,
    status                 VARCHAR(20)    NOT NULL,
    requested_amount       DECIMAL(19, 2) NOT NULL,
    approved_amount        DECIMAL(19, 2),
    expected_leads         BIGINT,
    expected_pipeline      DECIMAL(19, 2),
    expected_registrations BIGINT,
    claimed                BIGINT         NOT NULL,
    claimed_amount         DECIMAL(19, 2) NOT NULL,
    verified               BIGINT         NOT NULL,
    verified_amount        DECIMAL(19, 2) NOT NULL,
    leads                  BIGINT         NOT NULL,
    opportunities          BIGINT         NOT NULL,
    pipeline               DECIMAL(19, 2) NOT NULL,
    registrations          BIGINT         NOT NULL,
    paid                   BIGINT         NOT NULL,
    paid_amount            DECIMAL(19, 2) NOT NULL,
    CONSTRAINT pk_insights_request_outcome PRIMARY KEY (request_id)
);
CREATE INDEX ix_insights_request_outcome_submitted ON insights_request_outcome (submitted_at);

CREATE TABLE insights_cash_time (
    payment_id         VARCHAR(36) NOT NULL,
    request_id         VARCHAR(36) NOT NULL,
    partner_id         VARCHAR(36) NOT NULL,
    activity_type      VARCHAR(30) NOT NULL,
    submitted_at       DATETIME(6) NOT NULL,
    claim_submitted_at DATETIME(6) NOT NULL,
    paid_at            DATETIME(6) NOT NULL,
    CONSTRAINT pk_insights_cash_time PRIMARY KEY (payment_id)
);
CREATE INDEX ix_insights_cash_time_submitted ON insights_cash_time (submitted_at);
CREATE INDEX ix_insights_cash_time_request ON insights_cash_time (request_id);

INSERT INTO insights_request_outcome
SELECT r.id, r.partner_id, r.activity_type, r.currency, r.submitted_at, r.status,
  r.requested_amount, r.approved_amount, r.expected_leads, r.expected_pipeline,
  r.expected_registrations,
  SUM(CASE WHEN c.submitted_at IS NOT NULL THEN 1 ELSE 0 END),
  SUM(CASE WHEN c.submitted_at IS NOT NULL THEN COALESCE(c.claimed_amount, 0) ELSE 0 END),
  SUM(CASE WHEN c.status IN ('APPROVED','PAID') THEN 1 ELSE 0 END),
  SUM(CASE WHEN c.status IN ('APPROVED','PAID') THEN COALESCE(c.approved_amount, 0) ELSE 0 END),
  SUM(CASE WHEN c.status IN ('APPROVED','PAID') THEN COALESCE(c.leads, 0) ELSE 0 END),
  SUM(CASE WHEN c.status IN ('APPROVED','PAID') THEN COALESCE(c.opportunities, 0) ELSE 0 END),
  SUM(CASE WHEN c.status IN ('APPROVED','PAID') THEN COALESCE(c.pipeline_created, 0) ELSE 0 END),
  SUM(CASE WHEN c.status IN ('APPROVED','PAID') THEN COALESCE(c.registrations, 0) ELSE 0 END),
  COALESCE((SELECT COUNT(*) FROM payment pm
    WHERE pm.mdf_request_id = r.id AND pm.status = 'CONFIRMED'), 0),
  COALESCE((SELECT SUM(pm.amount) FROM payment pm
    WHERE pm.mdf_request_id = r.id AND pm.status = 'CONFIRMED'), 0)
FROM mdf_request r
LEFT JOIN disbursement_claim c ON c.mdf_request_id = r.id

GROUP BY r.id, r.partner_id, r.activity_type, r.currency, r.submitted_at, r.status,
  r.requested_amount, r.approved_amount, r.expected_leads, r.expected_pipeline,
  r.expected_registrations;

INSERT INTO insights_cash_time
SELECT pm.id, r.id, r.partner_id, r.activity_type, r.submitted_at, c.submitted_at, e.created_at
FROM mdf_request r
JOIN payment pm ON pm.mdf_request_id = r.id AND pm.status = 'CONFIRMED'
JOIN disbursement_claim c ON c.id = pm.claim_id
JOIN fund_ledger_entry e ON e.idempotency_key = CONCAT('payment:', pm.id, ':pay')
WHERE c.submitted_at IS NOT NULL;
