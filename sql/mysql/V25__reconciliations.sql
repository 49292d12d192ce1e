-- Daily reconciliation with WeChat Pay (对账, issue 20): one report per bill day (the trade bill's totals,
-- what matched our payments and refunds) and every difference found, by kind, with whether the query API
-- settled it or it waits for a person. A day is run again by replacing its open differences; settled ones
-- stay as the record of what was found. MySQL and MariaDB.

CREATE TABLE reconciliations (
  bill_date          DATE        NOT NULL PRIMARY KEY,
  bill_payments      INT         NOT NULL,
  bill_paid_fen      BIGINT      NOT NULL,
  bill_refunds       INT         NOT NULL,
  bill_refunded_fen  BIGINT      NOT NULL,
  matched            INT         NOT NULL,
  differences_found  INT         NOT NULL,
  differences_open   INT         NOT NULL,
  runs               INT         NOT NULL,
  run_at             DATETIME(6) NOT NULL,
  version            BIGINT      DEFAULT 0 NOT NULL
);

CREATE TABLE reconciliation_differences (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  bill_date      DATE         NOT NULL,
  kind           VARCHAR(30)  NOT NULL,
  out_trade_no   VARCHAR(32)  NOT NULL,
  out_refund_no  VARCHAR(40)  DEFAULT '' NOT NULL,
  wechat_fen     BIGINT,
  our_fen        BIGINT,
  wechat_state   VARCHAR(20),
  our_state      VARCHAR(20),
  settled        BOOLEAN      NOT NULL,
  note           VARCHAR(200),
  found_at       DATETIME(6) NOT NULL,
  settled_at     DATETIME(6),
  CONSTRAINT fk_recon_diff_day FOREIGN KEY (bill_date) REFERENCES reconciliations (bill_date),
  CONSTRAINT uk_recon_diff UNIQUE (bill_date, kind, out_trade_no, out_refund_no)
);

-- The day's books are read by time; the follow-up looks at recent unpaid payments.
CREATE INDEX idx_payments_paid_at ON payments (paid_at);
CREATE INDEX idx_payments_status_created ON payments (status, created_at);
CREATE INDEX idx_refunds_submitted_at ON refunds (submitted_at);
