-- Batch jobs (issue 6): weekly and monthly health reports, one per person and period; claims that
-- make a scheduled run start once with several servers; what a run skipped and why.

CREATE TABLE health_reports (
  id               VARCHAR(36)  NOT NULL PRIMARY KEY,
  person_id        VARCHAR(36)  NOT NULL,
  owner_id         VARCHAR(36)  NOT NULL,
  period_type      VARCHAR(10)  NOT NULL,
  period_start     DATE         NOT NULL,
  period_end       DATE         NOT NULL,
  readings         INT          NOT NULL,
  risk_count       INT          NOT NULL,
  content          TEXT NOT NULL,
  job_execution_id BIGINT,
  generated_at     TIMESTAMP(6) NOT NULL,
  read_at          TIMESTAMP(6),
  CONSTRAINT uk_health_reports_period UNIQUE (person_id, period_type, period_start),
  CONSTRAINT fk_health_reports_person FOREIGN KEY (person_id) REFERENCES persons (id) ON DELETE CASCADE,
  CONSTRAINT ck_health_reports_period CHECK (period_type IN ('week', 'month'))
);
CREATE INDEX idx_health_reports_owner ON health_reports (owner_id, period_start);

CREATE TABLE job_schedule_claims (
  job_name    VARCHAR(50) NOT NULL,
  fire_time   TIMESTAMP(6) NOT NULL,
  claimed_by  VARCHAR(100) NOT NULL,
  claimed_at  TIMESTAMP(6) NOT NULL,
  execution_id BIGINT,
  PRIMARY KEY (job_name, fire_time)
);

CREATE TABLE batch_skips (
  id           VARCHAR(36)  NOT NULL PRIMARY KEY,
  execution_id BIGINT       NOT NULL,
  job_name     VARCHAR(50)  NOT NULL,
  item         VARCHAR(64)  NOT NULL,
  reason       VARCHAR(500) NOT NULL,
  skipped_at   TIMESTAMP(6) NOT NULL
);
CREATE INDEX idx_batch_skips_execution ON batch_skips (execution_id);
