-- Tamper evidence for the audit log: each entry, once sealed, carries its place in one chain (chain_seq),
-- the previous entry's hash and its own, a keyed hash over its content and the previous hash. A changed or
-- deleted entry breaks the chain from there on. audit_chain holds the chain's head (one row).
-- Standard SQL, for H2 and PostgreSQL.

-- The client's address (as the trusted proxies report it) is recorded with each entry from now on.
ALTER TABLE audit_log ADD COLUMN client_address VARCHAR(45);
ALTER TABLE audit_log ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_log ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_log ADD COLUMN entry_hash VARCHAR(64);
CREATE UNIQUE INDEX uk_audit_log_chain ON audit_log (chain_seq);

CREATE TABLE audit_chain (
  id         INT          NOT NULL PRIMARY KEY,
  last_seq   BIGINT       NOT NULL,
  last_hash  VARCHAR(64)  NOT NULL,
  sealed_at  TIMESTAMP(6),
  version    BIGINT       DEFAULT 0 NOT NULL
);
INSERT INTO audit_chain (id, last_seq, last_hash) VALUES (1, 0, 'genesis');
