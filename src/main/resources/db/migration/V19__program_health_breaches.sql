-- The thresholds of program-health-thresholds.dmn that a program-health run found breached: one row
-- per fund period and metric, so a later run of the same period finds the breach known and neither
-- mails nor asks for a review again. Runs on MySQL 8 and H2 (MySQL mode).
CREATE TABLE insights_program_health_breach (
    id                    BIGINT         NOT NULL AUTO_INCREMENT,
    period                VARCHAR(10)    NOT NULL,
    metric                VARCHAR(40)    NOT NULL,
    figure                DECIMAL(19, 6) NOT NULL,
    threshold             DECIMAL(19, 6) NOT NULL,
    detected_at           DATETIME(6)    NOT NULL,
    element_instance_key  BIGINT         NOT NULL,
    CONSTRAINT pk_insights_program_health_breach PRIMARY KEY (id),
    CONSTRAINT uq_insights_program_health_breach UNIQUE (period, metric)
);
