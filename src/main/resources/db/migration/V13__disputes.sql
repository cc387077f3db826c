-- Dispute escalations (issue 10): a partner's formal challenge of a decision on an MDF request, a
-- claim or a late payment; its audit trail; and the users a task excludes (separation of duties),
-- which the inbox honours for every process.
CREATE TABLE dispute (
    id                     VARCHAR(36)    NOT NULL,
    partner_id             VARCHAR(36)    NOT NULL,
    partner_tier           VARCHAR(20)    NOT NULL,
    subject_type           VARCHAR(20)    NOT NULL,
    subject_id             VARCHAR(36)    NOT NULL,
    mdf_request_id         VARCHAR(36)    NOT NULL,
    decision_type          VARCHAR(40)    NOT NULL,
    decider_group          VARCHAR(100)   NOT NULL,
    excluded_users         VARCHAR(1000)  NOT NULL,
    disputed_amount        DECIMAL(19,2)  NOT NULL,
    currency               CHAR(3)        NOT NULL,
    category               VARCHAR(20)    NOT NULL,
    explanation            VARCHAR(4000)  NOT NULL,
    status                 VARCHAR(20)    NOT NULL,
    outcome                VARCHAR(20),
    settled_amount         DECIMAL(19,2),
    outcome_reason         VARCHAR(2000),
    resolved_by            VARCHAR(100),
    classification         VARCHAR(20),
    holder_group           VARCHAR(100),
    sla_due_at             DATETIME(6),
    escalations            INT            NOT NULL DEFAULT 0,
    steering_notified_at   DATETIME(6),
    finance_commitment     VARCHAR(2000),
    corrective_payment_id  VARCHAR(36),
    context_json           LONGTEXT,
    -- Set while the dispute is open, null afterwards: at most one open dispute per subject.
    open_subject_key       VARCHAR(60),
    process_instance_key   BIGINT,
    opened_by              VARCHAR(100)   NOT NULL,
    opened_at              DATETIME(6)    NOT NULL,
    closed_at              DATETIME(6),
    updated_at             DATETIME(6)    NOT NULL,
    version                BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_dispute PRIMARY KEY (id),
    CONSTRAINT uk_dispute_open_subject UNIQUE (open_subject_key),
    CONSTRAINT ck_dispute_amount CHECK (disputed_amount > 0)
);
CREATE INDEX ix_dispute_partner ON dispute (partner_id, opened_at);
CREATE INDEX ix_dispute_subject ON dispute (subject_type, subject_id);

-- Every step of a dispute: who did what, why, when. step_key makes a retried job write it once.
CREATE TABLE dispute_event (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    dispute_id   VARCHAR(36)    NOT NULL,
    action       VARCHAR(40)    NOT NULL,
    status       VARCHAR(20)    NOT NULL,
    actor        VARCHAR(100)   NOT NULL,
    holder_group VARCHAR(100),
    detail       VARCHAR(2000),
    amount       DECIMAL(19,2),
    step_key     VARCHAR(200),
    occurred_at  DATETIME(6)    NOT NULL,
    CONSTRAINT pk_dispute_event PRIMARY KEY (id),
    CONSTRAINT uk_dispute_event_step UNIQUE (step_key),
    CONSTRAINT fk_dispute_event_dispute FOREIGN KEY (dispute_id) REFERENCES dispute (id)
);
CREATE INDEX ix_dispute_event_dispute ON dispute_event (dispute_id, occurred_at);

CREATE TABLE inbox_task_excluded_user (
    task_id  BIGINT       NOT NULL,
    username VARCHAR(100) NOT NULL,
    CONSTRAINT pk_inbox_task_excluded_user PRIMARY KEY (task_id, username),
    CONSTRAINT fk_inbox_task_excluded_user FOREIGN KEY (task_id) REFERENCES inbox_task (id)
);
CREATE INDEX ix_inbox_task_excluded_user ON inbox_task_excluded_user (username, task_id);
