-- MDF requests (pre-approvals), their milestone plan and their decision history (audit trail).
-- Money is DECIMAL(19,2) with an ISO 4217 currency. Runs unchanged on MySQL 8 and H2 (MySQL mode).
CREATE TABLE mdf_request (
    id                     VARCHAR(36)    NOT NULL,
    partner_id             VARCHAR(36)    NOT NULL,
    submitted_by           VARCHAR(100)   NOT NULL,
    activity_type          VARCHAR(30)    NOT NULL,
    title                  VARCHAR(200)   NOT NULL,
    description            VARCHAR(4000),
    region                 VARCHAR(100),
    start_date             DATE           NOT NULL,
    end_date               DATE           NOT NULL,
    currency               VARCHAR(3)     NOT NULL,
    total_cost             DECIMAL(19,2)  NOT NULL,
    requested_amount       DECIMAL(19,2)  NOT NULL,
    partner_contribution   DECIMAL(19,2)  NOT NULL,
    expected_registrations BIGINT,
    expected_leads         BIGINT,
    expected_pipeline      DECIMAL(19,2),
    status                 VARCHAR(20)    NOT NULL,
    approved_amount        DECIMAL(19,2),
    risk_score             INT,
    risk_level             VARCHAR(10),
    risk_signals           VARCHAR(4000),
    revision_round         INT            NOT NULL DEFAULT 0,
    holder_group           VARCHAR(100),
    decision_due_at        DATETIME(6),
    process_instance_key   BIGINT,
    submitted_at           DATETIME(6)    NOT NULL,
    updated_at             DATETIME(6)    NOT NULL,
    version                BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_mdf_request PRIMARY KEY (id),
    CONSTRAINT fk_mdf_request_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);
CREATE INDEX ix_mdf_request_partner ON mdf_request (partner_id, submitted_at);
CREATE INDEX ix_mdf_request_status ON mdf_request (status);

CREATE TABLE mdf_milestone (
    request_id     VARCHAR(36)   NOT NULL,
    seq            INT           NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    planned_date   DATE          NOT NULL,
    share_percent  DECIMAL(5,2)  NOT NULL,
    CONSTRAINT pk_mdf_milestone PRIMARY KEY (request_id, seq),
    CONSTRAINT fk_mdf_milestone_request FOREIGN KEY (request_id) REFERENCES mdf_request (id)
);

CREATE TABLE mdf_decision (
    request_id     VARCHAR(36)   NOT NULL,
    seq            INT           NOT NULL,
    actor          VARCHAR(100)  NOT NULL,
    action         VARCHAR(40)   NOT NULL,
    approval_level VARCHAR(100),
    reason         VARCHAR(4000),
    amount         DECIMAL(19,2),
    decided_at     DATETIME(6)   NOT NULL,
    step_key       VARCHAR(100),
    CONSTRAINT pk_mdf_decision PRIMARY KEY (request_id, seq),
    CONSTRAINT fk_mdf_decision_request FOREIGN KEY (request_id) REFERENCES mdf_request (id)
);
