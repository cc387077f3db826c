-- Each entry of an MDF request's audit trail that a decision table took (risk assessment, approval
-- route) names the decision version that took it (issue 11, policy pinned per case).
-- Runs unchanged on MySQL 8 and H2 (MySQL mode).
ALTER TABLE mdf_decision ADD COLUMN decision_id VARCHAR(255);
ALTER TABLE mdf_decision ADD COLUMN decision_version INT;
ALTER TABLE mdf_decision ADD COLUMN decision_key BIGINT;
