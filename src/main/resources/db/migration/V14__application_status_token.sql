-- The applicant's status page (issue 12): every application carries a random token (256 bits,
-- base64url) that its status link names, so the page cannot be found from the application id.
-- Applications from before this version get theirs when the next applicant mail is sent.
-- Runs unchanged on MySQL 8 and H2 (MySQL mode).
ALTER TABLE partner_application ADD COLUMN status_token VARCHAR(64);
CREATE UNIQUE INDEX uk_partner_application_status_token ON partner_application (status_token);
