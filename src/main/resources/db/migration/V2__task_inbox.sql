-- The task inbox: job-worker user tasks projected from the engine. The id is the engine's job key,
-- so a re-activated job updates its row instead of adding one.
CREATE TABLE inbox_task (
    id                   BIGINT        NOT NULL,
    process_instance_key BIGINT        NOT NULL,
    element_instance_key BIGINT        NOT NULL,
    bpmn_process_id      VARCHAR(255)  NOT NULL,
    process_version      INT           NOT NULL,
    element_id           VARCHAR(255)  NOT NULL,
    name                 VARCHAR(255)  NOT NULL,
    form_key             VARCHAR(255),
    assignee             VARCHAR(100),
    due_date             DATETIME(6),
    follow_up_date       DATETIME(6),
    priority             INT           NOT NULL,
    state                VARCHAR(20)   NOT NULL,
    partner_id           VARCHAR(36),
    context_json         VARCHAR(4000) NOT NULL,
    variables_json       LONGTEXT      NOT NULL,
    created_at           DATETIME(6)   NOT NULL,
    checked_at           DATETIME(6)   NOT NULL,
    closed_at            DATETIME(6),
    closed_by            VARCHAR(100),
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_inbox_task PRIMARY KEY (id)
);
CREATE INDEX ix_inbox_task_state_due ON inbox_task (state, due_date);
CREATE INDEX ix_inbox_task_state_checked ON inbox_task (state, checked_at);
CREATE INDEX ix_inbox_task_assignee ON inbox_task (assignee, state);
CREATE INDEX ix_inbox_task_partner ON inbox_task (partner_id, state);
CREATE INDEX ix_inbox_task_instance ON inbox_task (process_instance_key);

CREATE TABLE inbox_task_candidate_group (
    task_id    BIGINT       NOT NULL,
    group_name VARCHAR(150) NOT NULL,
    CONSTRAINT pk_inbox_task_candidate_group PRIMARY KEY (task_id, group_name),
    CONSTRAINT fk_inbox_task_candidate_group FOREIGN KEY (task_id) REFERENCES inbox_task (id)
);
CREATE INDEX ix_inbox_task_candidate_group ON inbox_task_candidate_group (group_name, task_id);

CREATE TABLE inbox_task_candidate_user (
    task_id  BIGINT       NOT NULL,
    username VARCHAR(100) NOT NULL,
    CONSTRAINT pk_inbox_task_candidate_user PRIMARY KEY (task_id, username),
    CONSTRAINT fk_inbox_task_candidate_user FOREIGN KEY (task_id) REFERENCES inbox_task (id)
);
CREATE INDEX ix_inbox_task_candidate_user ON inbox_task_candidate_user (username, task_id);

-- What happened to a task and who did it: the audit trail shown on the task page.
CREATE TABLE inbox_task_event (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    task_id              BIGINT        NOT NULL,
    process_instance_key BIGINT        NOT NULL,
    action               VARCHAR(30)   NOT NULL,
    actor                VARCHAR(100),
    detail               VARCHAR(1000),
    occurred_at          DATETIME(6)   NOT NULL,
    CONSTRAINT pk_inbox_task_event PRIMARY KEY (id)
);
CREATE INDEX ix_inbox_task_event_instance ON inbox_task_event (process_instance_key, occurred_at);
