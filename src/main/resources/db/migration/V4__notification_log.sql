-- Every mail the service sends, once per idempotency key (process instance + element + recipient
-- for mail sent by job workers), so a retried job never mails twice.
CREATE TABLE notification (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    idempotency_key VARCHAR(255)  NOT NULL,
    recipient       VARCHAR(254)  NOT NULL,
    template        VARCHAR(100)  NOT NULL,
    subject         VARCHAR(255),
    status          VARCHAR(20)   NOT NULL,
    attempts        INT           NOT NULL,
    last_error      VARCHAR(1000),
    created_at      DATETIME(6)   NOT NULL,
    attempted_at    DATETIME(6),
    sent_at         DATETIME(6),
    CONSTRAINT pk_notification PRIMARY KEY (id),
    CONSTRAINT uk_notification_idempotency UNIQUE (idempotency_key)
);
CREATE INDEX ix_notification_recipient ON notification (recipient, created_at);
