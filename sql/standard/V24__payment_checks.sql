-- Payments that reconcile (issue 20): what WeChat Pay answered when we asked about a transaction or a
-- refund whose notification was overdue, and when; and when an unpaid transaction was closed at WeChat
-- Pay, so that it can no longer be paid. Standard SQL, for H2 and PostgreSQL.

ALTER TABLE payments ADD COLUMN wechat_state VARCHAR(20);
ALTER TABLE payments ADD COLUMN checked_at TIMESTAMP(6);
ALTER TABLE payments ADD COLUMN closed_at TIMESTAMP(6);
ALTER TABLE refunds ADD COLUMN wechat_state VARCHAR(20);
ALTER TABLE refunds ADD COLUMN checked_at TIMESTAMP(6);
