-- Counters that cap what costs money or reaches other people (SMS codes per client address and in total,
-- alert SMS per person and per receiving number), shared by every server of the installation.
-- And the verification of a person's emergency contact: alerts reach a contact only after the contact's
-- phone confirmed a code. MySQL and MariaDB.

CREATE TABLE rate_counters (
  counter_key  VARCHAR(120) NOT NULL PRIMARY KEY,
  window_start DATETIME(6) NOT NULL,
  hits         INT          NOT NULL,
  version      BIGINT       DEFAULT 0 NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE contact_verifications (
  person_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
  phone_hash   VARCHAR(64)  NOT NULL,
  code_hash    VARCHAR(64),
  sent_at      DATETIME(6),
  expires_at   DATETIME(6),
  attempts     INT          DEFAULT 0 NOT NULL,
  verified_at  DATETIME(6),
  version      BIGINT       DEFAULT 0 NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Companions added from WeCom's contacts wait for an admin's approval.
ALTER TABLE staff DROP CONSTRAINT ck_staff_status;
ALTER TABLE staff ADD CONSTRAINT ck_staff_status CHECK (status IN ('active', 'left', 'pending'));

-- A login (a refresh-token family) ends after an absolute lifetime, however often it is refreshed;
-- the families that exist now end when their current token does.
ALTER TABLE refresh_tokens ADD COLUMN family_expires_at DATETIME(6);
UPDATE refresh_tokens SET family_expires_at = expires_at;
