-- Reviews (issue 4): one per completed order, counted into the service's and the companion's rating.

CREATE TABLE reviews (
  id         VARCHAR(36)  NOT NULL PRIMARY KEY,
  order_id   VARCHAR(36)  NOT NULL,
  user_id    VARCHAR(36)  NOT NULL,
  service_id VARCHAR(36)  NOT NULL,
  staff_id   VARCHAR(36),
  rating     INT          NOT NULL,
  content    VARCHAR(1000),
  tags       VARCHAR(500),
  created_at TIMESTAMP(6)  NOT NULL,
  CONSTRAINT uk_reviews_order UNIQUE (order_id),
  CONSTRAINT fk_reviews_order FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT ck_reviews_rating CHECK (rating BETWEEN 1 AND 5)
);
CREATE INDEX idx_reviews_service ON reviews (service_id, created_at);
CREATE INDEX idx_reviews_staff ON reviews (staff_id, created_at);
