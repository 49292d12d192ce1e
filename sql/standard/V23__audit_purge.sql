-- Audit entries are kept leiming.retention.audit (three years by default), then the retention job deletes
-- the oldest, always from the start of the chain. The chain then starts at first_seq, whose entry follows
-- the hash first_prev_hash (the last deleted entry's); anchor_mac, a keyed hash over both, lets only the
-- server move that start, so deleting old entries by hand is still found. Standard SQL, for H2 and PostgreSQL.

ALTER TABLE audit_chain ADD COLUMN first_seq BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE audit_chain ADD COLUMN first_prev_hash VARCHAR(64) DEFAULT 'genesis' NOT NULL;
ALTER TABLE audit_chain ADD COLUMN anchor_mac VARCHAR(64);
ALTER TABLE audit_chain ADD COLUMN purged_at TIMESTAMP(6);
CREATE INDEX idx_audit_log_occurred ON audit_log (occurred_at);
