-- Evidence files uploaded to inbox tasks. The content lives outside the database (attachment
-- storage, under storage_key); sha256 finds the same file handed in twice, on any task.
CREATE TABLE task_attachment (
    id           VARCHAR(36)  NOT NULL,
    task_id      BIGINT       NOT NULL,
    partner_id   VARCHAR(36),
    uploaded_by  VARCHAR(100) NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    uploaded_at  DATETIME(6)  NOT NULL,
    storage_key  VARCHAR(100) NOT NULL,
    CONSTRAINT pk_task_attachment PRIMARY KEY (id),
    CONSTRAINT uq_task_attachment_storage_key UNIQUE (storage_key),
    CONSTRAINT ck_task_attachment_size CHECK (size_bytes > 0)
);
CREATE INDEX ix_task_attachment_task ON task_attachment (task_id, uploaded_at);
CREATE INDEX ix_task_attachment_sha256 ON task_attachment (sha256);

-- A partner's bank account for payments: an IBAN (with an optional BIC) or an account number with
-- the routing number of its bank. One row per partner; changed_at starts the payment hold.
CREATE TABLE partner_bank_account (
    partner_id     VARCHAR(36)  NOT NULL,
    holder_name    VARCHAR(140) NOT NULL,
    iban           VARCHAR(34),
    bic            VARCHAR(11),
    account_number VARCHAR(34),
    routing_number VARCHAR(35),
    country        VARCHAR(2)   NOT NULL,
    changed_at     DATETIME(6)  NOT NULL,
    changed_by     VARCHAR(100) NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_partner_bank_account PRIMARY KEY (partner_id),
    CONSTRAINT fk_partner_bank_account_partner FOREIGN KEY (partner_id) REFERENCES partner (id),
    CONSTRAINT ck_partner_bank_account_kind CHECK (
        (iban IS NOT NULL AND account_number IS NULL AND routing_number IS NULL)
        OR (iban IS NULL AND bic IS NULL AND account_number IS NOT NULL AND routing_number IS NOT NULL))
);

-- Every change of a partner's bank account, append-only: who, when, and the account before and
-- after, masked to its last four characters (the full numbers stay in partner_bank_account only).
CREATE TABLE partner_bank_account_change (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    partner_id      VARCHAR(36)  NOT NULL,
    changed_by      VARCHAR(100) NOT NULL,
    changed_at      DATETIME(6)  NOT NULL,
    old_holder_name VARCHAR(140),
    old_account     VARCHAR(40),
    new_holder_name VARCHAR(140) NOT NULL,
    new_account     VARCHAR(40)  NOT NULL,
    CONSTRAINT pk_partner_bank_account_change PRIMARY KEY (id)
);
CREATE INDEX ix_partner_bank_account_change ON partner_bank_account_change (partner_id, changed_at);
