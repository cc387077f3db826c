-- Indexes for the insights read model at scale (issue 14: two years of data, 50,000 requests, a
-- million ledger entries): the requests of a fund period are found by submission time, their
-- confirmed payments and disputes by request. Runs unchanged on MySQL 8 and H2 (MySQL mode).
CREATE INDEX ix_mdf_request_submitted ON mdf_request (submitted_at);
CREATE INDEX ix_payment_request ON payment (mdf_request_id, status);
CREATE INDEX ix_dispute_request ON dispute (mdf_request_id);
