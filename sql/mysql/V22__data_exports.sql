-- A copy of a member's data prepared in the background (PIPL art. 45): the archive is kept encrypted
-- (FieldCipher, purpose data_exports.archive) until it expires, then the retention job deletes the row.
-- started_at: when a server started the job that prepares it (the claim: one server does).
-- MySQL and MariaDB.

CREATE TABLE data_exports (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  member_id    VARCHAR(36)  NOT NULL,
  status       VARCHAR(16)  NOT NULL,
  requested_at DATETIME(6)  NOT NULL,
  ready_at     DATETIME(6),
  started_at   DATETIME(6),
  expires_at   DATETIME(6)  NOT NULL,
  archive      LONGTEXT,
  size_bytes   BIGINT,
  downloads    INT          DEFAULT 0 NOT NULL,
  version      BIGINT       DEFAULT 0 NOT NULL,
  CONSTRAINT ck_data_exports_status CHECK (status IN ('pending', 'ready', 'failed'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX idx_data_exports_member ON data_exports (member_id, requested_at);
CREATE INDEX idx_data_exports_expires ON data_exports (expires_at);
