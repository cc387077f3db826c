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
