-- Sign-in throttling: failure counters and locks per account and per client address, shared by
-- every instance, and the append-only audit of failed sign-ins, locks and unlocks.
-- Runs unchanged on MySQL 8 and on H2 in MySQL mode.
CREATE TABLE sign_in_counter (
    kind            VARCHAR(10)   NOT NULL,
    subject         VARCHAR(100)  NOT NULL,
    failures        INT           NOT NULL,
    last_failure_at DATETIME(6),
    locked_until    DATETIME(6),
    CONSTRAINT pk_sign_in_counter PRIMARY KEY (kind, subject)
);

CREATE TABLE sign_in_event (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    action         VARCHAR(20)   NOT NULL,
    username       VARCHAR(100),
    client_address VARCHAR(100),
    actor          VARCHAR(100),
    detail         VARCHAR(500),
    occurred_at    DATETIME(6)   NOT NULL,
    CONSTRAINT pk_sign_in_event PRIMARY KEY (id)
);
CREATE INDEX ix_sign_in_event_username ON sign_in_event (username, occurred_at);
CREATE INDEX ix_sign_in_event_address ON sign_in_event (client_address, occurred_at);
