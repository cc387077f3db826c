-- Everyone who took part in a claim's verification (marketing operations, finance above the
-- threshold, each verifier of an evidence loop), comma-separated in the order they decided: a
-- dispute of the claim or of its payment excludes them all (separation of duties). Claims verified
-- before the column existed name their last verifier.
ALTER TABLE disbursement_claim ADD COLUMN verifiers VARCHAR(1000);
UPDATE disbursement_claim SET verifiers = decided_by
    WHERE decided_by IS NOT NULL AND decided_by NOT LIKE 'system%';
