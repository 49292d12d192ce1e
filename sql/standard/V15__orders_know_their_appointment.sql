-- An order records what was booked: besides the service (service_info), the appointment's start and
-- hospital, so that orders are searched by day and hospital without reading the care tables.
-- Standard SQL, for H2 and PostgreSQL.

ALTER TABLE orders ADD COLUMN scheduled_time TIMESTAMP(6);
ALTER TABLE orders ADD COLUMN hospital_id VARCHAR(36);

UPDATE orders SET
  scheduled_time = (SELECT a.scheduled_time FROM appointments a WHERE a.order_id = orders.id),
  hospital_id = (SELECT a.hospital_id FROM appointments a WHERE a.order_id = orders.id);

ALTER TABLE orders ALTER COLUMN scheduled_time SET NOT NULL;

CREATE INDEX idx_orders_scheduled ON orders (scheduled_time);
