-- WeCom callbacks (issue 5): every message or event WeCom sends is stored once (deduplicated on its
-- MsgId, or on the event's own key), answered at once, and processed asynchronously.

CREATE TABLE wecom_inbox (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  dedupe_key   VARCHAR(200) NOT NULL,
  msg_type     VARCHAR(30)  NOT NULL,
  event        VARCHAR(50),
  from_user    VARCHAR(64),
  payload      TEXT         NOT NULL,
  received_at  TIMESTAMP(6)  NOT NULL,
  processed_at TIMESTAMP(6),
  outcome      VARCHAR(200),
  CONSTRAINT uk_wecom_inbox_dedupe UNIQUE (dedupe_key)
);
CREATE INDEX idx_wecom_inbox_received ON wecom_inbox (received_at);
