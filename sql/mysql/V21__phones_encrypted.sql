-- Phone numbers at rest are encrypted like ID card numbers (PIPL art. 51), with a blind index where we look
-- them up. Members: phone_cipher and the keyed hash phone_hash (login, an operator's search); the clear
-- phone column empties as the application encrypts the rows written before (KeyRotation's columns
-- users.phone and persons.phone, which the server runs at every start).
-- SMS codes and sending counters live minutes to a day: they start again under the blind index.
-- MySQL and MariaDB.

ALTER TABLE users ADD COLUMN phone_cipher VARCHAR(200);
ALTER TABLE users ADD COLUMN phone_hash VARCHAR(64);
CREATE UNIQUE INDEX uk_users_phone_hash ON users (phone_hash);
ALTER TABLE users MODIFY phone VARCHAR(20) NULL;

ALTER TABLE persons ADD COLUMN phone_cipher VARCHAR(200);

DELETE FROM sms_codes;
DROP INDEX idx_sms_codes_phone ON sms_codes;
ALTER TABLE sms_codes DROP COLUMN phone;
ALTER TABLE sms_codes ADD COLUMN phone_hash VARCHAR(64) NOT NULL;
CREATE INDEX idx_sms_codes_phone_hash ON sms_codes (phone_hash, status, created_at);

DROP TABLE sms_throttles;
CREATE TABLE sms_throttles (
  phone_hash   VARCHAR(64)  NOT NULL PRIMARY KEY,
  last_sent_at DATETIME(6)  NOT NULL,
  count_day    DATE         NOT NULL,
  day_count    INT          NOT NULL,
  version      BIGINT       DEFAULT 0 NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

