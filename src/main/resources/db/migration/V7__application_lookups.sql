-- The partner page finds the application a partner was activated from; the partner managers'
-- list pages applications by status, newest first.
CREATE INDEX ix_partner_application_partner ON partner_application (partner_id);
CREATE INDEX ix_partner_application_status_created ON partner_application (status, created_at);
