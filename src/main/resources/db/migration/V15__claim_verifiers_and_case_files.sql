-- Everyone who took part in a claim's verification (marketing operations, finance above the
-- threshold, each verifier of an evidence loop), comma-separated in the order they decided: a
-- dispute of the claim or of its payment excludes them all (separation of duties). Claims verified
-- before the column existed name their last verifier.
ALTER TABLE disbursement_claim ADD COLUMN verifiers VARCHAR(1000);
UPDATE disbursement_claim SET verifiers = decided_by
    WHERE decided_by IS NOT NULL AND decided_by NOT LIKE 'system%';

-- Files that belong to a case rather than to one of its tasks: the evidence a partner hands in
-- with a dispute while opening it (case_key 'dispute:<id>'), before the dispute has any task.
ALTER TABLE task_attachment ADD COLUMN case_key VARCHAR(100);
ALTER TABLE task_attachment MODIFY COLUMN task_id BIGINT NULL;
CREATE INDEX ix_task_attachment_case ON task_attachment (case_key, uploaded_at);
