-- Time to cash in microseconds per confirmed payment (issue 14, point 6): the dashboard, cohorts and
-- scorecards take its nearest-rank percentiles in SQL (count, then ORDER BY cash_micros with an
-- OFFSET) instead of reading every payment of a period into the service. The stored times are
-- DATETIME(6), so microseconds are exact. TIMESTAMPDIFF(MICROSECOND, ...) runs on MySQL 8, MariaDB
-- and H2. Nullable only because ADD COLUMN ... NOT NULL needs a default on existing rows; every row
-- is written with it (RequestOutcomes).
ALTER TABLE insights_cash_time ADD COLUMN cash_micros BIGINT;
UPDATE insights_cash_time SET cash_micros = TIMESTAMPDIFF(MICROSECOND, claim_submitted_at, paid_at);
-- A period's rows in time-to-cash order with their partner, read from the index alone.
CREATE INDEX ix_insights_cash_time_period_cash
    ON insights_cash_time (submitted_at, cash_micros, partner_id);
