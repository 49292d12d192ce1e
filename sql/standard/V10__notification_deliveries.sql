-- Notification channels (issue 5): every push outside the message centre (WeCom application
-- message to staff, WeChat subscribe message to a member, SMS for urgent alerts) is one delivery
-- row, unique per event, channel and recipient, sent by a worker that retries with backoff and
-- parks what keeps failing as a dead letter an admin can replay.

CREATE TABLE notification_deliveries (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  event_id        VARCHAR(36)   NOT NULL,
  event_type      VARCHAR(50)   NOT NULL,
  channel         VARCHAR(20)   NOT NULL,
  recipient       VARCHAR(80)   NOT NULL,
  address         VARCHAR(400)  NOT NULL,
  template_id     VARCHAR(100),
  title           VARCHAR(100)  NOT NULL,
  content         VARCHAR(2000) NOT NULL,
  template_data   VARCHAR(2000),
  page            VARCHAR(200),
  status          VARCHAR(20)   NOT NULL,
  attempts        INT           NOT NULL,
  next_attempt_at TIMESTAMP(6)  NOT NULL,
  last_error      VARCHAR(500),
  created_at      TIMESTAMP(6)  NOT NULL,
  sent_at         TIMESTAMP(6),
  version         BIGINT        NOT NULL,
  CONSTRAINT uk_deliveries_event UNIQUE (event_id, channel, recipient),
  CONSTRAINT ck_deliveries_channel CHECK (channel IN ('wecom', 'subscribe', 'sms')),
  CONSTRAINT ck_deliveries_status CHECK (status IN ('pending', 'sent', 'dead'))
);
CREATE INDEX idx_deliveries_due ON notification_deliveries (status, next_attempt_at);

-- What a member wants pushed (the message centre always gets everything) and when not.
CREATE TABLE notification_preferences (
  member_id      VARCHAR(36) NOT NULL PRIMARY KEY,
  disabled_kinds VARCHAR(200) NOT NULL,
  quiet_start    VARCHAR(5),
  quiet_end      VARCHAR(5),
  updated_at     TIMESTAMP(6) NOT NULL,
  CONSTRAINT fk_notification_preferences_member FOREIGN KEY (member_id) REFERENCES users (id) ON DELETE CASCADE
);

-- One-time subscribe-message acceptances (wx.requestSubscribeMessage): each allows one message.
CREATE TABLE subscribe_grants (
  member_id   VARCHAR(36)  NOT NULL,
  template_id VARCHAR(100) NOT NULL,
  remaining   INT          NOT NULL,
  updated_at  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (member_id, template_id),
  CONSTRAINT fk_subscribe_grants_member FOREIGN KEY (member_id) REFERENCES users (id) ON DELETE CASCADE
);
