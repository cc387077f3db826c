-- Partner onboarding: applications, their audit trail, single-use links, and what a partner
-- brings from its application. Runs unchanged on MySQL 8 and on H2 in MySQL mode.
ALTER TABLE partner ADD COLUMN partner_type VARCHAR(20);
ALTER TABLE partner ADD COLUMN country VARCHAR(2);
ALTER TABLE partner ADD COLUMN verticals VARCHAR(500);

CREATE TABLE partner_application (
    id                      VARCHAR(36)   NOT NULL,
    company_name            VARCHAR(200)  NOT NULL,
    website                 VARCHAR(253)  NOT NULL,
    domain                  VARCHAR(253)  NOT NULL,
    -- the domain while the application is open, NULL once closed: one open application per domain
    open_domain             VARCHAR(253),
    country                 VARCHAR(2)    NOT NULL,
    region                  VARCHAR(10)   NOT NULL,
    partner_type            VARCHAR(20)   NOT NULL,
    verticals               VARCHAR(500)  NOT NULL,
    expected_annual_revenue DECIMAL(15,2) NOT NULL,
    certified_staff         INT           NOT NULL,
    contact_name            VARCHAR(200)  NOT NULL,
    contact_email           VARCHAR(254)  NOT NULL,
    status                  VARCHAR(20)   NOT NULL,
    screening_outcome       VARCHAR(20),
    screening_reasons       VARCHAR(2000),
    proposed_tier           VARCHAR(20),
    tier                    VARCHAR(20),
    partner_id              VARCHAR(36),
    process_instance_key    BIGINT,
    agreement_version       VARCHAR(20),
    agreement_accepted_at   DATETIME(6),
    agreement_accepted_by   VARCHAR(254),
    created_at              DATETIME(6)   NOT NULL,
    version                 BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT pk_partner_application PRIMARY KEY (id),
    CONSTRAINT uk_partner_application_open_domain UNIQUE (open_domain)
);

-- Every decision on an application: who, when, what, why.
CREATE TABLE partner_application_event (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    application_id VARCHAR(36)   NOT NULL,
    action         VARCHAR(40)   NOT NULL,
    actor          VARCHAR(254)  NOT NULL,
    detail         VARCHAR(2000),
    occurred_at    DATETIME(6)   NOT NULL,
    CONSTRAINT pk_partner_application_event PRIMARY KEY (id),
    CONSTRAINT fk_application_event_application FOREIGN KEY (application_id) REFERENCES partner_application (id)
);
CREATE INDEX ix_application_event ON partner_application_event (application_id, occurred_at);

-- Single-use links mailed to people without a session; only the SHA-256 of a token is stored.
CREATE TABLE onboarding_token (
    token_hash     VARCHAR(64)   NOT NULL,
    purpose        VARCHAR(30)   NOT NULL,
    application_id VARCHAR(36)   NOT NULL,
    element_id     VARCHAR(100),
    username       VARCHAR(100),
    expires_at     DATETIME(6)   NOT NULL,
    used_at        DATETIME(6),
    created_at     DATETIME(6)   NOT NULL,
    CONSTRAINT pk_onboarding_token PRIMARY KEY (token_hash),
    CONSTRAINT fk_onboarding_token_application FOREIGN KEY (application_id) REFERENCES partner_application (id)
);
