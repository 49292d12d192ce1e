-- Health profile per person (the seed's user_health_profiles, keyed by person so that family members
-- have one too) and health tags (the seed's user_health_tags). Lists are JSON text.

CREATE TABLE health_profiles (
  person_id         VARCHAR(36)   NOT NULL PRIMARY KEY,
  blood_type        VARCHAR(2),
  rh                VARCHAR(10),
  height_cm         DECIMAL(5,1),
  weight_kg         DECIMAL(5,2),
  has_allergy       BOOLEAN       DEFAULT FALSE NOT NULL,
  allergy_info      VARCHAR(1000),
  chronic_diseases  VARCHAR(2000),
  family_history    VARCHAR(2000),
  emergency_contact VARCHAR(500),
  created_at        TIMESTAMP(6)  NOT NULL,
  updated_at        TIMESTAMP(6)  NOT NULL,
  version           BIGINT        DEFAULT 0 NOT NULL,
  CONSTRAINT fk_health_profiles_person FOREIGN KEY (person_id) REFERENCES persons (id) ON DELETE CASCADE,
  CONSTRAINT ck_health_profiles_blood_type CHECK (blood_type IN ('A', 'B', 'AB', 'O')),
  CONSTRAINT ck_health_profiles_rh CHECK (rh IN ('positive', 'negative'))
);

CREATE TABLE health_tags (
  person_id VARCHAR(36) NOT NULL,
  tag       VARCHAR(30) NOT NULL,
  PRIMARY KEY (person_id, tag),
  CONSTRAINT fk_health_tags_person FOREIGN KEY (person_id) REFERENCES persons (id) ON DELETE CASCADE
);

-- Health plans (计划管理): a daily goal for a person; adherence is computed from the records.
CREATE TABLE health_plans (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  person_id       VARCHAR(36)   NOT NULL,
  title           VARCHAR(100)  NOT NULL,
  goal_kind       VARCHAR(20)   NOT NULL,
  data_type       VARCHAR(30)   NOT NULL,
  target          DECIMAL(10,2) NOT NULL,
  glucose_context VARCHAR(20),
  status          VARCHAR(20)   NOT NULL,
  start_date      DATE          NOT NULL,
  end_date        DATE,
  created_at      TIMESTAMP(6)  NOT NULL,
  updated_at      TIMESTAMP(6)  NOT NULL,
  version         BIGINT        DEFAULT 0 NOT NULL,
  CONSTRAINT fk_health_plans_person FOREIGN KEY (person_id) REFERENCES persons (id) ON DELETE CASCADE,
  CONSTRAINT ck_health_plans_kind CHECK (goal_kind IN ('measure', 'keep_below', 'reach')),
  CONSTRAINT ck_health_plans_status CHECK (status IN ('active', 'paused', 'ended'))
);
CREATE INDEX idx_health_plans_person ON health_plans (person_id, status);
