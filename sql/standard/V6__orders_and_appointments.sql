-- Orders and appointments (issue 4): the order with its recorded transitions, the per-day order number
-- sequence, the appointment, and the claims that give each staff member at most one appointment per
-- slot (the primary key is what makes overbooking impossible, on every server).

CREATE TABLE orders (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  order_no      VARCHAR(32)   NOT NULL,
  user_id       VARCHAR(36)   NOT NULL,
  person_id     VARCHAR(36)   NOT NULL,
  service_id    VARCHAR(36)   NOT NULL,
  amount        DECIMAL(10,2) NOT NULL,
  status        VARCHAR(20)   NOT NULL,
  payment_method VARCHAR(20),
  payment_no    VARCHAR(64),
  paid_at       TIMESTAMP(6),
  completed_at  TIMESTAMP(6),
  cancelled_at  TIMESTAMP(6),
  cancel_reason VARCHAR(500),
  refund_amount DECIMAL(10,2),
  contact_info  TEXT          NOT NULL,
  service_info  TEXT          NOT NULL,
  created_at    TIMESTAMP(6)   NOT NULL,
  updated_at    TIMESTAMP(6)   NOT NULL,
  version       BIGINT        DEFAULT 0 NOT NULL,
  CONSTRAINT uk_orders_order_no UNIQUE (order_no),
  CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT fk_orders_service FOREIGN KEY (service_id) REFERENCES services (id),
  CONSTRAINT ck_orders_status CHECK (status IN ('pending', 'paid', 'confirmed', 'in_progress', 'completed', 'cancelled', 'refunded')),
  CONSTRAINT ck_orders_amount CHECK (amount >= 0)
);
CREATE INDEX idx_orders_user_created ON orders (user_id, created_at);
CREATE INDEX idx_orders_status_created ON orders (status, created_at);

CREATE TABLE order_transitions (
  id          VARCHAR(36)  NOT NULL PRIMARY KEY,
  order_id    VARCHAR(36)  NOT NULL,
  from_status VARCHAR(20),
  to_status   VARCHAR(20)  NOT NULL,
  actor_id    VARCHAR(36),
  actor_role  VARCHAR(20)  NOT NULL,
  reason      VARCHAR(500),
  occurred_at TIMESTAMP(6)  NOT NULL,
  CONSTRAINT fk_order_transitions_order FOREIGN KEY (order_id) REFERENCES orders (id)
);
CREATE INDEX idx_order_transitions_order ON order_transitions (order_id, occurred_at);

CREATE TABLE order_sequences (
  seq_day    VARCHAR(8) NOT NULL PRIMARY KEY,
  last_number BIGINT    NOT NULL
);

CREATE TABLE appointments (
  id               VARCHAR(36)  NOT NULL PRIMARY KEY,
  order_id         VARCHAR(36)  NOT NULL,
  user_id          VARCHAR(36)  NOT NULL,
  person_id        VARCHAR(36)  NOT NULL,
  service_id       VARCHAR(36)  NOT NULL,
  hospital_id      VARCHAR(36),
  scheduled_time   TIMESTAMP(6)  NOT NULL,
  duration_minutes INT          NOT NULL,
  status           VARCHAR(20)  NOT NULL,
  staff_id         VARCHAR(36),
  check_in_code    VARCHAR(6)   NOT NULL,
  notes            VARCHAR(500),
  reminder_sent    BOOLEAN      DEFAULT FALSE NOT NULL,
  created_at       TIMESTAMP(6)  NOT NULL,
  updated_at       TIMESTAMP(6)  NOT NULL,
  version          BIGINT       DEFAULT 0 NOT NULL,
  CONSTRAINT uk_appointments_order UNIQUE (order_id),
  CONSTRAINT fk_appointments_order FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT fk_appointments_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT fk_appointments_service FOREIGN KEY (service_id) REFERENCES services (id),
  CONSTRAINT ck_appointments_status CHECK (status IN ('scheduled', 'confirmed', 'in_progress', 'completed', 'cancelled'))
);
CREATE INDEX idx_appointments_user_time ON appointments (user_id, scheduled_time);
CREATE INDEX idx_appointments_staff_time ON appointments (staff_id, scheduled_time);
CREATE INDEX idx_appointments_status_time ON appointments (status, scheduled_time);

CREATE TABLE staff_slot_claims (
  staff_id       VARCHAR(36) NOT NULL,
  slot_start     TIMESTAMP(6) NOT NULL,
  appointment_id VARCHAR(36) NOT NULL,
  PRIMARY KEY (staff_id, slot_start),
  CONSTRAINT fk_staff_slot_claims_staff FOREIGN KEY (staff_id) REFERENCES staff (id),
  CONSTRAINT fk_staff_slot_claims_appointment FOREIGN KEY (appointment_id) REFERENCES appointments (id) ON DELETE CASCADE
);
CREATE INDEX idx_staff_slot_claims_appointment ON staff_slot_claims (appointment_id);
CREATE INDEX idx_staff_slot_claims_slot ON staff_slot_claims (slot_start);
