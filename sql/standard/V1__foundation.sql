-- Foundation schema: members, SMS login, refresh tokens, the outbox, processed events, message centre.
-- H2 (embedded default). Times are UTC instants stored in TIMESTAMP columns (the server runs in UTC).

CREATE TABLE users (
  id               VARCHAR(36)  NOT NULL PRIMARY KEY,
  phone            VARCHAR(20)  NOT NULL,
  name             VARCHAR(50),
  avatar           VARCHAR(500),
  gender           VARCHAR(10),
  birth_date       DATE,
  membership_level VARCHAR(20)  DEFAULT 'basic' NOT NULL,
  status           VARCHAR(20)  DEFAULT 'active' NOT NULL,
  created_at       TIMESTAMP(6) NOT NULL,
  updated_at       TIMESTAMP(6) NOT NULL,
  version          BIGINT       DEFAULT 0 NOT NULL,
  CONSTRAINT uk_users_phone UNIQUE (phone),
  CONSTRAINT ck_users_membership CHECK (membership_level IN ('basic', 'professional', 'premium')),
  CONSTRAINT ck_users_status CHECK (status IN ('active', 'inactive', 'suspended')),
  CONSTRAINT ck_users_gender CHECK (gender IN ('male', 'female', 'unknown'))
);
CREATE INDEX idx_users_status ON users (status);

CREATE TABLE sms_codes (
  id         VARCHAR(36)  NOT NULL PRIMARY KEY,
  phone      VARCHAR(20)  NOT NULL,
  scene      VARCHAR(20)  NOT NULL,
  code_hash  VARCHAR(64)  NOT NULL,
  status     VARCHAR(20)  NOT NULL,
  attempts   INT          DEFAULT 0 NOT NULL,
  expires_at TIMESTAMP(6) NOT NULL,
  created_at TIMESTAMP(6) NOT NULL,
  used_at    TIMESTAMP(6),
  CONSTRAINT ck_sms_codes_status CHECK (status IN ('active', 'used', 'burned', 'superseded'))
);
CREATE INDEX idx_sms_codes_phone ON sms_codes (phone, status, created_at);

CREATE TABLE sms_throttles (
  phone        VARCHAR(20)  NOT NULL PRIMARY KEY,
  last_sent_at TIMESTAMP(6) NOT NULL,
  count_day    DATE         NOT NULL,
  day_count    INT          NOT NULL,
  version      BIGINT       DEFAULT 0 NOT NULL
);

CREATE TABLE refresh_tokens (
  id         VARCHAR(36)  NOT NULL PRIMARY KEY,
  member_id  VARCHAR(36)  NOT NULL,
  family_id  VARCHAR(36)  NOT NULL,
  token_hash VARCHAR(64)  NOT NULL,
  status     VARCHAR(20)  NOT NULL,
  expires_at TIMESTAMP(6) NOT NULL,
  created_at TIMESTAMP(6) NOT NULL,
  used_at    TIMESTAMP(6),
  CONSTRAINT uk_refresh_tokens_hash UNIQUE (token_hash),
  CONSTRAINT fk_refresh_tokens_member FOREIGN KEY (member_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT ck_refresh_tokens_status CHECK (status IN ('active', 'used', 'revoked'))
);
CREATE INDEX idx_refresh_tokens_family ON refresh_tokens (family_id);

CREATE TABLE outbox_events (
  id           VARCHAR(36)   NOT NULL PRIMARY KEY,
  event_type   VARCHAR(100)  NOT NULL,
  aggregate_id VARCHAR(36)   NOT NULL,
  payload      VARCHAR(4000) NOT NULL,
  request_id   VARCHAR(64),
  created_at   TIMESTAMP(6)  NOT NULL,
  published_at TIMESTAMP(6),
  version      BIGINT        DEFAULT 0 NOT NULL
);
CREATE INDEX idx_outbox_pending ON outbox_events (published_at, created_at);

CREATE TABLE processed_events (
  event_id     VARCHAR(36)  NOT NULL,
  consumer     VARCHAR(50)  NOT NULL,
  processed_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (event_id, consumer)
);

CREATE TABLE messages (
  id         VARCHAR(36)   NOT NULL PRIMARY KEY,
  member_id  VARCHAR(36)   NOT NULL,
  category   VARCHAR(20)   NOT NULL,
  title      VARCHAR(100)  NOT NULL,
  content    VARCHAR(2000) NOT NULL,
  event_id   VARCHAR(36),
  read_at    TIMESTAMP(6),
  created_at TIMESTAMP(6)  NOT NULL,
  CONSTRAINT fk_messages_member FOREIGN KEY (member_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT uk_messages_event UNIQUE (member_id, event_id),
  CONSTRAINT ck_messages_category CHECK (category IN ('system', 'health', 'order', 'service'))
);
CREATE INDEX idx_messages_member ON messages (member_id, created_at);
