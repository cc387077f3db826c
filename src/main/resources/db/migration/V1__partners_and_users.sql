-- Partners and the people who sign in. Runs unchanged on MySQL 8 and on H2 in MySQL mode.
CREATE TABLE partner (
    id          VARCHAR(36)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    domain      VARCHAR(253),
    status      VARCHAR(20)  NOT NULL,
    tier        VARCHAR(20)  NOT NULL,
    region      VARCHAR(10)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_partner PRIMARY KEY (id),
    CONSTRAINT uk_partner_name UNIQUE (name)
);

CREATE TABLE app_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    email         VARCHAR(254),
    partner_id    VARCHAR(36),
    enabled       BOOLEAN      NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT pk_app_user PRIMARY KEY (id),
    CONSTRAINT uk_app_user_username UNIQUE (username),
    CONSTRAINT fk_app_user_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
);

CREATE TABLE app_user_group (
    user_id    BIGINT       NOT NULL,
    group_name VARCHAR(100) NOT NULL,
    CONSTRAINT pk_app_user_group PRIMARY KEY (user_id, group_name),
    CONSTRAINT fk_app_user_group_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
