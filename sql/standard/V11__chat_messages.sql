-- Member-staff chat on an order (issue 5): every message is kept; one that no connected client
-- received within a few seconds is pushed as a notification, once.

CREATE TABLE chat_messages (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  order_id      VARCHAR(36)   NOT NULL,
  sender_role   VARCHAR(10)   NOT NULL,
  sender_id     VARCHAR(64)   NOT NULL,
  content       VARCHAR(1000) NOT NULL,
  created_at    TIMESTAMP(6)  NOT NULL,
  notify_after  TIMESTAMP(6)  NOT NULL,
  delivered_at  TIMESTAMP(6),
  notified_at   TIMESTAMP(6),
  CONSTRAINT fk_chat_messages_order FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT ck_chat_messages_sender CHECK (sender_role IN ('member', 'staff'))
);
CREATE INDEX idx_chat_messages_order ON chat_messages (order_id, created_at);
CREATE INDEX idx_chat_messages_unnotified ON chat_messages (notified_at, notify_after);
