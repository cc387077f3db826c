-- Who reviewed the quarterly reconciliation of a fund period, and when: append-only, one row per
-- review (a period may be reviewed again after late claims). Runs on MySQL 8 and H2 (MySQL mode).
CREATE TABLE insights_reconciliation_review (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    period       VARCHAR(10)   NOT NULL,
    reviewed_by  VARCHAR(100)  NOT NULL,
    reviewed_at  DATETIME(6)   NOT NULL,
    note         VARCHAR(2000),
    partners     INT           NOT NULL,
    CONSTRAINT pk_insights_reconciliation_review PRIMARY KEY (id)
);
CREATE INDEX ix_insights_reconciliation_review_period
    ON insights_reconciliation_review (period, reviewed_at);
