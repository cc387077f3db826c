-- Technical failures of jobs, one row per job: how often it failed decides the backoff before the
-- engine hands it out again (5 s, 10 s, 20 s … by default), kept in the database so that every
-- service instance, also one started after a crash, continues the same sequence.
CREATE TABLE job_failure (
    job_key              BIGINT        NOT NULL,
    job_type             VARCHAR(255)  NOT NULL,
    process_instance_key BIGINT        NOT NULL,
    element_id           VARCHAR(255)  NOT NULL,
    failures             INT           NOT NULL,
    last_error           VARCHAR(1000),
    first_failed_at      DATETIME(6)   NOT NULL,
    last_failed_at       DATETIME(6)   NOT NULL,
    CONSTRAINT pk_job_failure PRIMARY KEY (job_key)
);
CREATE INDEX ix_job_failure_instance ON job_failure (process_instance_key);

-- Every attempt to hand a mail to the SMTP server, failed ones with the server's answer: the
-- notification log's history of retries.
CREATE TABLE notification_attempt (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    notification_id BIGINT        NOT NULL,
    attempt         INT           NOT NULL,
    attempted_at    DATETIME(6)   NOT NULL,
    outcome         VARCHAR(20)   NOT NULL,
    error           VARCHAR(1000),
    CONSTRAINT pk_notification_attempt PRIMARY KEY (id),
    CONSTRAINT uk_notification_attempt UNIQUE (notification_id, attempt),
    CONSTRAINT fk_notification_attempt FOREIGN KEY (notification_id) REFERENCES notification (id)
);
