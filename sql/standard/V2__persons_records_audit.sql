-- Family members (persons a member cares for, the member included), health records with their
-- correction history, and the append-only audit log of access to health data.

CREATE TABLE persons (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  owner_id       VARCHAR(36)  NOT NULL,
  relation       VARCHAR(20)  NOT NULL,
  name           VARCHAR(50)  NOT NULL,
  gender         VARCHAR(10),
  birth_date     DATE,
  id_card_cipher VARCHAR(200),
  id_card_hash   VARCHAR(64),
  id_card_masked VARCHAR(20),
  phone          VARCHAR(20),
  created_at     TIMESTAMP(6) NOT NULL,
  updated_at     TIMESTAMP(6) NOT NULL,
  version        BIGINT       DEFAULT 0 NOT NULL,
  CONSTRAINT fk_persons_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT uk_persons_owner_id_card UNIQUE (owner_id, id_card_hash),
  CONSTRAINT ck_persons_relation CHECK (relation IN ('self', 'spouse', 'parent', 'child', 'grandparent', 'grandchild', 'sibling', 'other')),
  CONSTRAINT ck_persons_gender CHECK (gender IN ('male', 'female', 'unknown'))
);
CREATE INDEX idx_persons_owner ON persons (owner_id);

CREATE TABLE health_records (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  person_id       VARCHAR(36)   NOT NULL,
  data_type       VARCHAR(30)   NOT NULL,
  reading         DECIMAL(10,2) NOT NULL,
  diastolic       DECIMAL(10,2),
  pulse           INT,
  glucose_context VARCHAR(20),
  unit            VARCHAR(20)   NOT NULL,
  source          VARCHAR(20)   NOT NULL,
  device_id       VARCHAR(64),
  recorded_at     TIMESTAMP(6)  NOT NULL,
  notes           VARCHAR(500),
  level           VARCHAR(40)   NOT NULL,
  original_value  VARCHAR(40),
  original_unit   VARCHAR(20),
  created_at      TIMESTAMP(6)  NOT NULL,
  updated_at      TIMESTAMP(6)  NOT NULL,
  version         BIGINT        DEFAULT 0 NOT NULL,
  CONSTRAINT fk_health_records_person FOREIGN KEY (person_id) REFERENCES persons (id) ON DELETE CASCADE,
  CONSTRAINT uk_health_records_device_reading UNIQUE (person_id, data_type, recorded_at, source, device_id),
  CONSTRAINT ck_health_records_source CHECK (source IN ('manual', 'device', 'hospital'))
);
CREATE INDEX idx_health_records_person_type_time ON health_records (person_id, data_type, recorded_at);

CREATE TABLE health_record_revisions (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  record_id       VARCHAR(36)   NOT NULL,
  revision        INT           NOT NULL,
  reading         DECIMAL(10,2) NOT NULL,
  diastolic       DECIMAL(10,2),
  pulse           INT,
  glucose_context VARCHAR(20),
  recorded_at     TIMESTAMP(6)  NOT NULL,
  notes           VARCHAR(500),
  level           VARCHAR(40)   NOT NULL,
  replaced_at     TIMESTAMP(6)  NOT NULL,
  replaced_by     VARCHAR(36)   NOT NULL,
  reason          VARCHAR(200),
  CONSTRAINT fk_revisions_record FOREIGN KEY (record_id) REFERENCES health_records (id) ON DELETE CASCADE,
  CONSTRAINT uk_revisions_record_revision UNIQUE (record_id, revision)
);

CREATE TABLE audit_log (
  id          VARCHAR(36)  NOT NULL PRIMARY KEY,
  occurred_at TIMESTAMP(6) NOT NULL,
  actor_id    VARCHAR(36)  NOT NULL,
  actor_role  VARCHAR(20)  NOT NULL,
  person_id   VARCHAR(36),
  action      VARCHAR(60)  NOT NULL,
  resource_id VARCHAR(36),
  request_id  VARCHAR(64),
  outcome     VARCHAR(20)  NOT NULL
);
CREATE INDEX idx_audit_log_person ON audit_log (person_id, occurred_at);
CREATE INDEX idx_audit_log_actor ON audit_log (actor_id, occurred_at);

-- Every member is also a person of their own (relation self, same id).
INSERT INTO persons (id, owner_id, relation, name, gender, birth_date, created_at, updated_at, version)
SELECT id, id, 'self', COALESCE(name, '本人'), gender, birth_date, created_at, updated_at, 0 FROM users;
