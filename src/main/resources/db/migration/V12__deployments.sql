-- Deployments that process owners made through the service (issue 11): who, when, the outcome, every
-- uploaded file with its SHA-256 checksum and content, what the engine made of them, and the
-- compatibility check's findings. Refused attempts are kept too (outcome REFUSED, no deployment key).
-- Runs unchanged on MySQL 8 and H2 (MySQL mode).
CREATE TABLE process_deployment (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    deployment_key  BIGINT,
    outcome         VARCHAR(10)   NOT NULL,
    deployed_by     VARCHAR(100)  NOT NULL,
    deployed_at     DATETIME(6)   NOT NULL,
    CONSTRAINT pk_process_deployment PRIMARY KEY (id)
);
CREATE INDEX ix_process_deployment_at ON process_deployment (deployed_at);

CREATE TABLE process_deployment_file (
    deployment_id   BIGINT        NOT NULL,
    seq             INT           NOT NULL,
    resource_name   VARCHAR(200)  NOT NULL,
    sha256          VARCHAR(64)   NOT NULL,
    size_bytes      INT           NOT NULL,
    content         LONGTEXT      NOT NULL,
    CONSTRAINT pk_process_deployment_file PRIMARY KEY (deployment_id, seq),
    CONSTRAINT fk_process_deployment_file FOREIGN KEY (deployment_id) REFERENCES process_deployment (id)
);

CREATE TABLE process_deployment_resource (
    deployment_id   BIGINT        NOT NULL,
    seq             INT           NOT NULL,
    kind            VARCHAR(10)   NOT NULL,
    definition_id   VARCHAR(255)  NOT NULL,
    version         INT           NOT NULL,
    definition_key  BIGINT        NOT NULL,
    resource_name   VARCHAR(200)  NOT NULL,
    CONSTRAINT pk_process_deployment_resource PRIMARY KEY (deployment_id, seq),
    CONSTRAINT fk_process_deployment_resource FOREIGN KEY (deployment_id) REFERENCES process_deployment (id)
);
CREATE INDEX ix_process_deployment_resource_def ON process_deployment_resource (kind, definition_id);

CREATE TABLE process_deployment_finding (
    deployment_id   BIGINT        NOT NULL,
    seq             INT           NOT NULL,
    severity        VARCHAR(10)   NOT NULL,
    resource_name   VARCHAR(200)  NOT NULL,
    element_id      VARCHAR(255),
    rule_name       VARCHAR(40)   NOT NULL,
    message         VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_process_deployment_finding PRIMARY KEY (deployment_id, seq),
    CONSTRAINT fk_process_deployment_finding FOREIGN KEY (deployment_id) REFERENCES process_deployment (id)
);
