-- Messages to the engine waiting to be sent (an outbox): a submission or a payment confirmation is
-- stored in the same transaction as its message here, and the message is published once the
-- engine answers. Its id is the message id the engine deduplicates on, so a message sent again
-- after a lost answer or a crash between sending and recording reaches the process once.
CREATE TABLE engine_message (
    message_id      VARCHAR(255)  NOT NULL,
    message_name    VARCHAR(255)  NOT NULL,
    correlation_key VARCHAR(255)  NOT NULL,
    variables_json  LONGTEXT      NOT NULL,
    time_to_live_ms BIGINT        NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    -- Raised by every instance that takes the message for an attempt: a conditional update on it
    -- lets one instance of many send it at a time.
    claim           INT           NOT NULL,
    failures        INT           NOT NULL,
    next_attempt_at DATETIME(6)   NOT NULL,
    last_error      VARCHAR(1000),
    sent_at         DATETIME(6),
    message_key     BIGINT,
    CONSTRAINT pk_engine_message PRIMARY KEY (message_id)
);
CREATE INDEX ix_engine_message_due ON engine_message (sent_at, next_attempt_at);
