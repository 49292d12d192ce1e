-- Lab results from hospitals, and JWKS URLs for hospital systems (issue 17). Standard SQL, for H2 and PostgreSQL.
-- hospital_patient_links: a member's link of one of their people to their patient record at a hospital
--   (checked against the record's ID card number or phone); only the hospital's Patient id and the card's
--   last four characters are kept.
-- lab_reports / lab_results: the hospital's DiagnosticReports and their Observations, imported for the person.

CREATE TABLE hospital_patient_links (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  member_id      VARCHAR(36)  NOT NULL,
  person_id      VARCHAR(36)  NOT NULL,
  hospital_id    VARCHAR(36)  NOT NULL,
  patient_id     VARCHAR(64)  NOT NULL,
  card_masked    VARCHAR(16)  NOT NULL,
  linked_at      TIMESTAMP(6) NOT NULL,
  last_import_at TIMESTAMP(6),
  last_result    VARCHAR(500),
  imported_until TIMESTAMP(6),
  version        BIGINT       DEFAULT 0 NOT NULL,
  CONSTRAINT uk_hospital_patient_links UNIQUE (person_id, hospital_id)
);
CREATE INDEX idx_hospital_patient_links_member ON hospital_patient_links (member_id);
CREATE INDEX idx_hospital_patient_links_hospital ON hospital_patient_links (hospital_id, linked_at);

CREATE TABLE lab_reports (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  owner_id      VARCHAR(36)   NOT NULL,
  person_id     VARCHAR(36)   NOT NULL,
  hospital_id   VARCHAR(36)   NOT NULL,
  hospital_name VARCHAR(100),
  source_id     VARCHAR(64)   NOT NULL,
  name          VARCHAR(200)  NOT NULL,
  category      VARCHAR(100),
  status        VARCHAR(20)   NOT NULL,
  effective_at  TIMESTAMP(6),
  issued_at     TIMESTAMP(6),
  conclusion    VARCHAR(1000),
  result_count  INT           NOT NULL,
  out_of_range  INT           NOT NULL,
  fingerprint   VARCHAR(64)   NOT NULL,
  imported_at   TIMESTAMP(6)  NOT NULL,
  version       BIGINT        DEFAULT 0 NOT NULL,
  CONSTRAINT uk_lab_reports UNIQUE (person_id, hospital_id, source_id)
);
CREATE INDEX idx_lab_reports_owner ON lab_reports (owner_id, effective_at);

CREATE TABLE lab_results (
  id              VARCHAR(36)    NOT NULL PRIMARY KEY,
  report_id       VARCHAR(36)    NOT NULL,
  seq             INT            NOT NULL,
  code            VARCHAR(64),
  code_system     VARCHAR(255),
  name            VARCHAR(200)   NOT NULL,
  value_number    DECIMAL(18, 6),
  value_text      VARCHAR(200),
  unit            VARCHAR(40),
  reference_range VARCHAR(100),
  flag            VARCHAR(16)    NOT NULL,
  CONSTRAINT uk_lab_results UNIQUE (report_id, seq),
  CONSTRAINT ck_lab_results_flag CHECK (flag IN ('normal', 'high', 'low', 'critical_high', 'critical_low', 'abnormal',
    'unknown'))
);

-- A hospital system may publish its keys at a JWKS URL (SMART Backend Services) instead of registering them:
-- public_keys then holds the keys as last fetched, keys_fetched_at when (fetched again at most once a minute).
ALTER TABLE fhir_clients ADD COLUMN jwks_url VARCHAR(500);
ALTER TABLE fhir_clients ADD COLUMN keys_fetched_at TIMESTAMP(6);
