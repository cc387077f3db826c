-- Milestone-based disbursements: each milestone of an approved MDF request gets an id and a status;
-- the request carries what was paid and released; claims with their proof of performance, audit
-- flags of duplicate claims, payments (one per claim: the idempotency key is UNIQUE), payment
-- batches with their lines and pain.001 file, and the close-out figures of each request.
-- Money is DECIMAL(19,2) with an ISO 4217 currency. Runs unchanged on MySQL 8 and H2 (MySQL mode).
ALTER TABLE mdf_milestone ADD COLUMN id VARCHAR(50);
ALTER TABLE mdf_milestone ADD COLUMN status VARCHAR(20);
UPDATE mdf_milestone SET id = CONCAT(request_id, '-', seq), status = 'PLANNED' WHERE id IS NULL;
ALTER TABLE mdf_milestone MODIFY COLUMN id VARCHAR(50) NOT NULL;
ALTER TABLE mdf_milestone MODIFY COLUMN status VARCHAR(20) NOT NULL;
CREATE UNIQUE INDEX uk_mdf_milestone_id ON mdf_milestone (id);

ALTER TABLE mdf_request ADD COLUMN paid_amount DECIMAL(19,2) NOT NULL DEFAULT 0;
ALTER TABLE mdf_request ADD COLUMN released_amount DECIMAL(19,2) NOT NULL DEFAULT 0;

CREATE TABLE disbursement_claim (
    id                VARCHAR(36)    NOT NULL,
    mdf_request_id    VARCHAR(36)    NOT NULL,
    milestone_id      VARCHAR(50)    NOT NULL,
    partner_id        VARCHAR(36)    NOT NULL,
    status            VARCHAR(20)    NOT NULL,
    currency          CHAR(3)        NOT NULL,
    milestone_amount  DECIMAL(19,2)  NOT NULL,
    actual_cost       DECIMAL(19,2),
    claimed_amount    DECIMAL(19,2),
    approved_amount   DECIMAL(19,2),
    invoice_number    VARCHAR(100),
    invoice_key       VARCHAR(100),
    invoice_date      DATE,
    evidence_links    VARCHAR(4000),
    registrations     BIGINT,
    attendees         BIGINT,
    leads             BIGINT,
    opportunities     BIGINT,
    pipeline_created  DECIMAL(19,2),
    submitted_by      VARCHAR(100),
    submitted_at      DATETIME(6),
    verification_due_at DATETIME(6),
    decided_by        VARCHAR(100),
    reason            VARCHAR(2000),
    created_at        DATETIME(6)    NOT NULL,
    updated_at        DATETIME(6)    NOT NULL,
    version           BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_disbursement_claim PRIMARY KEY (id),
    CONSTRAINT uk_disbursement_claim_milestone UNIQUE (milestone_id),
    CONSTRAINT fk_disbursement_claim_request FOREIGN KEY (mdf_request_id) REFERENCES mdf_request (id),
    CONSTRAINT fk_disbursement_claim_partner FOREIGN KEY (partner_id) REFERENCES partner (id),
    CONSTRAINT ck_disbursement_claim_amounts CHECK (milestone_amount >= 0
        AND (claimed_amount IS NULL OR claimed_amount > 0)
        AND (approved_amount IS NULL OR approved_amount >= 0))
);
CREATE INDEX ix_disbursement_claim_invoice ON disbursement_claim (partner_id, invoice_key);
CREATE INDEX ix_disbursement_claim_request ON disbursement_claim (mdf_request_id);

-- Why a claim was blocked: the claim and the earlier claim it collides with (both named).
CREATE TABLE disbursement_audit_flag (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    claim_id        VARCHAR(36)   NOT NULL,
    other_claim_id  VARCHAR(36)   NOT NULL,
    kind            VARCHAR(30)   NOT NULL,
    detail          VARCHAR(1000) NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT pk_disbursement_audit_flag PRIMARY KEY (id),
    CONSTRAINT uk_disbursement_audit_flag UNIQUE (claim_id, other_claim_id, kind),
    CONSTRAINT fk_disbursement_audit_flag_claim FOREIGN KEY (claim_id) REFERENCES disbursement_claim (id),
    CONSTRAINT fk_disbursement_audit_flag_other FOREIGN KEY (other_claim_id) REFERENCES disbursement_claim (id)
);

CREATE TABLE payment_batch (
    id              VARCHAR(36)    NOT NULL,
    message_id      VARCHAR(35)    NOT NULL,
    status          VARCHAR(20)    NOT NULL,
    currency        CHAR(3)        NOT NULL,
    payment_count   INT            NOT NULL,
    control_sum     DECIMAL(19,2)  NOT NULL,
    channel         VARCHAR(30),
    run_key         VARCHAR(100)   NOT NULL,
    file_content    LONGTEXT,
    created_by      VARCHAR(100)   NOT NULL,
    created_at      DATETIME(6)    NOT NULL,
    sent_at         DATETIME(6),
    CONSTRAINT pk_payment_batch PRIMARY KEY (id),
    CONSTRAINT uk_payment_batch_message UNIQUE (message_id)
);
CREATE INDEX ix_payment_batch_run ON payment_batch (run_key);

CREATE TABLE payment (
    id               VARCHAR(36)    NOT NULL,
    claim_id         VARCHAR(36)    NOT NULL,
    mdf_request_id   VARCHAR(36)    NOT NULL,
    partner_id       VARCHAR(36)    NOT NULL,
    amount           DECIMAL(19,2)  NOT NULL,
    currency         CHAR(3)        NOT NULL,
    status           VARCHAR(20)    NOT NULL,
    idempotency_key  VARCHAR(100)   NOT NULL,
    batch_id         VARCHAR(36),
    reference        VARCHAR(200),
    failure_reason   VARCHAR(1000),
    attempt          INT            NOT NULL DEFAULT 1,
    created_at       DATETIME(6)    NOT NULL,
    updated_at       DATETIME(6)    NOT NULL,
    version          BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_payment PRIMARY KEY (id),
    CONSTRAINT uk_payment_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT fk_payment_claim FOREIGN KEY (claim_id) REFERENCES disbursement_claim (id),
    CONSTRAINT fk_payment_batch FOREIGN KEY (batch_id) REFERENCES payment_batch (id),
    CONSTRAINT ck_payment_amount CHECK (amount > 0)
);
CREATE INDEX ix_payment_status ON payment (status, created_at);

CREATE TABLE payment_batch_line (
    batch_id     VARCHAR(36)    NOT NULL,
    payment_id   VARCHAR(36)    NOT NULL,
    end_to_end_id VARCHAR(35)   NOT NULL,
    amount       DECIMAL(19,2)  NOT NULL,
    currency     CHAR(3)        NOT NULL,
    CONSTRAINT pk_payment_batch_line PRIMARY KEY (batch_id, payment_id),
    CONSTRAINT fk_payment_batch_line_batch FOREIGN KEY (batch_id) REFERENCES payment_batch (id),
    CONSTRAINT fk_payment_batch_line_payment FOREIGN KEY (payment_id) REFERENCES payment (id)
);

-- The close-out of a request: its totals, the results its claims reported and the ROI figures.
CREATE TABLE mdf_close_out (
    mdf_request_id         VARCHAR(36)    NOT NULL,
    currency               CHAR(3)        NOT NULL,
    approved_amount        DECIMAL(19,2)  NOT NULL,
    paid_amount            DECIMAL(19,2)  NOT NULL,
    released_amount        DECIMAL(19,2)  NOT NULL,
    registrations          BIGINT         NOT NULL,
    attendees              BIGINT         NOT NULL,
    leads                  BIGINT         NOT NULL,
    opportunities          BIGINT         NOT NULL,
    pipeline_created       DECIMAL(19,2)  NOT NULL,
    leads_per_unit_paid    DECIMAL(19,6),
    opportunities_per_unit_paid DECIMAL(19,6),
    pipeline_per_unit_paid DECIMAL(19,6),
    cost_per_lead          DECIMAL(19,2),
    closed_at              DATETIME(6)    NOT NULL,
    CONSTRAINT pk_mdf_close_out PRIMARY KEY (mdf_request_id),
    CONSTRAINT fk_mdf_close_out_request FOREIGN KEY (mdf_request_id) REFERENCES mdf_request (id)
);

-- The evidence files of each claim (uploaded to its tasks; the file itself is stored outside the
-- database by the task module): a file's SHA-256 on two claims blocks the later one.
CREATE TABLE disbursement_claim_file (
    claim_id       VARCHAR(36)   NOT NULL,
    attachment_id  VARCHAR(36)   NOT NULL,
    file_name      VARCHAR(255)  NOT NULL,
    content_type   VARCHAR(100)  NOT NULL,
    sha256         VARCHAR(64)   NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    CONSTRAINT pk_disbursement_claim_file PRIMARY KEY (claim_id, attachment_id),
    CONSTRAINT fk_disbursement_claim_file_claim FOREIGN KEY (claim_id) REFERENCES disbursement_claim (id)
);
CREATE INDEX ix_disbursement_claim_file_sha256 ON disbursement_claim_file (sha256);
