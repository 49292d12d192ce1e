-- Daily roll-ups of health records (per person, type and business day), kept up to date on every
-- write, so that long trends read one row a day instead of aggregating every reading.

CREATE TABLE health_daily_stats (
  person_id      VARCHAR(36)   NOT NULL,
  data_type      VARCHAR(30)   NOT NULL,
  stat_day       DATE          NOT NULL,
  reading_count  INT           NOT NULL,
  reading_sum    DECIMAL(16,2) NOT NULL,
  reading_min    DECIMAL(10,2) NOT NULL,
  reading_max    DECIMAL(10,2) NOT NULL,
  diastolic_sum  DECIMAL(16,2),
  diastolic_min  DECIMAL(10,2),
  diastolic_max  DECIMAL(10,2),
  abnormal_count INT           NOT NULL,
  alert_count    INT           NOT NULL,
  PRIMARY KEY (person_id, data_type, stat_day),
  CONSTRAINT fk_health_daily_stats_person FOREIGN KEY (person_id) REFERENCES persons (id) ON DELETE CASCADE
);
