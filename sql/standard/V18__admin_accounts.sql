-- Personal accounts for the people on our side: a role (admin: accounts, settings, jobs and everything
-- an operator does; operator: orders, content, catalog and members), a TOTP second factor (the secret
-- encrypted with the field key), lockout after failed logins, and one-time recovery codes (hashed).
-- Standard SQL, for H2 and PostgreSQL.

ALTER TABLE admins ADD COLUMN role VARCHAR(20) DEFAULT 'admin' NOT NULL;
ALTER TABLE admins ADD COLUMN totp_secret VARCHAR(255);
ALTER TABLE admins ADD COLUMN totp_confirmed_at TIMESTAMP(6);
ALTER TABLE admins ADD COLUMN totp_last_step BIGINT;
ALTER TABLE admins ADD COLUMN failed_logins INT DEFAULT 0 NOT NULL;
ALTER TABLE admins ADD COLUMN locked_until TIMESTAMP(6);
ALTER TABLE admins ADD COLUMN password_changed_at TIMESTAMP(6);
ALTER TABLE admins ADD CONSTRAINT ck_admins_role CHECK (role IN ('admin', 'operator'));

CREATE TABLE admin_recovery_codes (
  id         VARCHAR(36)  NOT NULL PRIMARY KEY,
  admin_id   VARCHAR(36)  NOT NULL,
  code_hash  VARCHAR(64)  NOT NULL,
  used_at    TIMESTAMP(6),
  CONSTRAINT fk_admin_recovery_codes_admin FOREIGN KEY (admin_id) REFERENCES admins (id) ON DELETE CASCADE
);
CREATE INDEX idx_admin_recovery_codes_admin ON admin_recovery_codes (admin_id);
