-- An order names the companion who has it (a copy of its appointment's, as the hospital and the time
-- are), so that operators can list a companion's orders with one indexed query. Existing orders take
-- their appointment's companion.

ALTER TABLE orders ADD COLUMN staff_id VARCHAR(36);
UPDATE orders SET staff_id = (SELECT a.staff_id FROM appointments a WHERE a.order_id = orders.id);
CREATE INDEX idx_orders_staff_created ON orders (staff_id, created_at);
