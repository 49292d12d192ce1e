-- Account deletion (注销, PIPL art. 47): a member's confirmed request waits out a cooling-off period (logging
-- in cancels it), then the erasure job erases the account. What accounting keeps of it (orders, payments)
-- then points at a tombstone account: status 'erased', a random id, no phone, name or openid.
-- Standard SQL, for H2 and PostgreSQL.

ALTER TABLE users ADD COLUMN deletion_requested_at TIMESTAMP(6);
ALTER TABLE users ADD COLUMN erase_after TIMESTAMP(6);
CREATE INDEX idx_users_erase_after ON users (erase_after);

ALTER TABLE users DROP CONSTRAINT ck_users_status;
ALTER TABLE users ADD CONSTRAINT ck_users_status CHECK (status IN ('active', 'inactive', 'suspended', 'erased'));
