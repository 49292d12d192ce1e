-- WeChat Pay (issue 4): one payment per order (JSAPI prepay, then the notification that it was paid)
-- and at most one refund per order (a cancellation's, a completed order's, or an automatic one for a
-- payment that arrived after the order was cancelled). A member's mini-program openid pays.

ALTER TABLE users ADD COLUMN wechat_openid VARCHAR(64);
CREATE UNIQUE INDEX uk_users_wechat_openid ON users (wechat_openid);

CREATE TABLE payments (
  id             VARCHAR(36)   NOT NULL PRIMARY KEY,
  order_id       VARCHAR(36)   NOT NULL,
  out_trade_no   VARCHAR(32)   NOT NULL,
  amount         DECIMAL(10,2) NOT NULL,
  status         VARCHAR(20)   NOT NULL,
  prepay_id      VARCHAR(64),
  prepaid_at     TIMESTAMP(6),
  transaction_id VARCHAR(64),
  paid_at        TIMESTAMP(6),
  created_at     TIMESTAMP(6)   NOT NULL,
  updated_at     TIMESTAMP(6)   NOT NULL,
  version        BIGINT        DEFAULT 0 NOT NULL,
  CONSTRAINT uk_payments_order UNIQUE (order_id),
  CONSTRAINT uk_payments_out_trade_no UNIQUE (out_trade_no),
  CONSTRAINT uk_payments_transaction UNIQUE (transaction_id),
  CONSTRAINT fk_payments_order FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT ck_payments_status CHECK (status IN ('created', 'paid'))
);

CREATE TABLE refunds (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  order_id      VARCHAR(36)   NOT NULL,
  out_refund_no VARCHAR(40)   NOT NULL,
  amount        DECIMAL(10,2) NOT NULL,
  total         DECIMAL(10,2) NOT NULL,
  reason        VARCHAR(200),
  status        VARCHAR(20)   NOT NULL,
  refund_id     VARCHAR(64),
  attempts      INT           DEFAULT 0 NOT NULL,
  created_at    TIMESTAMP(6)   NOT NULL,
  submitted_at  TIMESTAMP(6),
  succeeded_at  TIMESTAMP(6),
  updated_at    TIMESTAMP(6)   NOT NULL,
  version       BIGINT        DEFAULT 0 NOT NULL,
  CONSTRAINT uk_refunds_order UNIQUE (order_id),
  CONSTRAINT uk_refunds_out_refund_no UNIQUE (out_refund_no),
  CONSTRAINT fk_refunds_order FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT ck_refunds_status CHECK (status IN ('requested', 'submitted', 'succeeded', 'failed'))
);
CREATE INDEX idx_refunds_status ON refunds (status, created_at);
