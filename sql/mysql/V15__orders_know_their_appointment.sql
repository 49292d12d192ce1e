-- An order records what was booked: besides the service (service_info), the appointment's start and
-- hospital, so that orders are searched by day and hospital without reading the care tables.
-- MySQL 8 / MariaDB.

ALTER TABLE orders ADD COLUMN scheduled_time DATETIME(6) NULL, ADD COLUMN hospital_id VARCHAR(36) NULL;

UPDATE orders o JOIN appointments a ON a.order_id = o.id
   SET o.scheduled_time = a.scheduled_time, o.hospital_id = a.hospital_id;

ALTER TABLE orders MODIFY scheduled_time DATETIME(6) NOT NULL;

CREATE INDEX idx_orders_scheduled ON orders (scheduled_time);
