-- Hospital integration (FHIR R4, issue 17). Standard SQL, for H2 and PostgreSQL.
-- fhir_clients: hospital systems registered as SMART Backend Services clients (public keys only).
-- fhir_used_assertions: the jti of each client assertion accepted, until it expires (replays refused).
-- hospital_consents: a member's authorisation of one hospital for one of their people.
-- fhir_observation_ids: a hospital's Observation identifier and the reading it became (sent twice, stored once).

CREATE TABLE fhir_clients (
  id          VARCHAR(36)   NOT NULL PRIMARY KEY,
  hospital_id VARCHAR(36)   NOT NULL,
  name        VARCHAR(100)  NOT NULL,
  public_keys VARCHAR(8000) NOT NULL,
  scopes      VARCHAR(1000) NOT NULL,
  active      BOOLEAN       NOT NULL,
  created_at  TIMESTAMP(6)  NOT NULL,
  created_by  VARCHAR(36),
  version     BIGINT        DEFAULT 0 NOT NULL
);

CREATE TABLE fhir_used_assertions (
  client_id  VARCHAR(36)  NOT NULL,
  jti        VARCHAR(128) NOT NULL,
  expires_at TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (client_id, jti)
);
CREATE INDEX idx_fhir_used_assertions_expires ON fhir_used_assertions (expires_at);

CREATE TABLE hospital_consents (
  id          VARCHAR(36)  NOT NULL PRIMARY KEY,
  member_id   VARCHAR(36)  NOT NULL,
  person_id   VARCHAR(36)  NOT NULL,
  hospital_id VARCHAR(36)  NOT NULL,
  granted_at  TIMESTAMP(6) NOT NULL,
  revoked_at  TIMESTAMP(6),
  version     BIGINT       DEFAULT 0 NOT NULL,
  CONSTRAINT uk_hospital_consents UNIQUE (person_id, hospital_id)
);
CREATE INDEX idx_hospital_consents_member ON hospital_consents (member_id);
CREATE INDEX idx_hospital_consents_hospital ON hospital_consents (hospital_id, granted_at);

CREATE TABLE fhir_observation_ids (
  hospital_id VARCHAR(36)  NOT NULL,
  id_system   VARCHAR(255) NOT NULL,
  id_value    VARCHAR(128) NOT NULL,
  person_id   VARCHAR(36)  NOT NULL,
  record_id   VARCHAR(36),
  created_at  TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (hospital_id, id_system, id_value)
);
CREATE INDEX idx_fhir_observation_ids_person ON fhir_observation_ids (person_id);

-- fhir_bulk_exports: a hospital client's Bulk Data export ($export), prepared by the fhir-bulk-export job.
-- fhir_bulk_files: its NDJSON files, kept in the database (no local file is a source of truth) until it expires.
CREATE TABLE fhir_bulk_exports (
  id           VARCHAR(36)   NOT NULL PRIMARY KEY,
  client_id    VARCHAR(36)   NOT NULL,
  hospital_id  VARCHAR(36)   NOT NULL,
  types        VARCHAR(200)  NOT NULL,
  since        TIMESTAMP(6),
  request_url  VARCHAR(2000) NOT NULL,
  status       VARCHAR(16)   NOT NULL,
  requested_at TIMESTAMP(6)  NOT NULL,
  started_at   TIMESTAMP(6),
  completed_at TIMESTAMP(6),
  expires_at   TIMESTAMP(6)  NOT NULL,
  version      BIGINT        DEFAULT 0 NOT NULL,
  CONSTRAINT ck_fhir_bulk_exports_status CHECK (status IN ('pending', 'ready', 'failed', 'cancelled'))
);
CREATE INDEX idx_fhir_bulk_exports_client ON fhir_bulk_exports (client_id, requested_at);
CREATE INDEX idx_fhir_bulk_exports_expires ON fhir_bulk_exports (expires_at);

CREATE TABLE fhir_bulk_files (
  id            VARCHAR(36)  NOT NULL PRIMARY KEY,
  export_id     VARCHAR(36)  NOT NULL,
  resource_type VARCHAR(40)  NOT NULL,
  seq           INT          NOT NULL,
  resources     INT          NOT NULL,
  content       TEXT         NOT NULL,
  CONSTRAINT uk_fhir_bulk_files UNIQUE (export_id, resource_type, seq)
);

-- hospital_connections: a hospital's own FHIR server, whose doctors and clinic times the hospital-import job
-- brings into the catalog. The bearer token is not stored: token_setting names the configuration property
-- (or environment variable) that holds it.
CREATE TABLE hospital_connections (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  hospital_id   VARCHAR(36)   NOT NULL,
  base_url      VARCHAR(500)  NOT NULL,
  token_setting VARCHAR(100),
  active        BOOLEAN       NOT NULL,
  last_run_at   TIMESTAMP(6),
  last_result   VARCHAR(500),
  created_at    TIMESTAMP(6)  NOT NULL,
  version       BIGINT        DEFAULT 0 NOT NULL,
  CONSTRAINT uk_hospital_connections UNIQUE (hospital_id)
);

-- Doctors imported from a hospital's FHIR server carry its Practitioner id; their clinic times its Slots.
ALTER TABLE doctors ADD COLUMN external_id VARCHAR(64);
CREATE UNIQUE INDEX uk_doctors_external ON doctors (hospital_id, external_id);

CREATE TABLE doctor_clinic_times (
  id          VARCHAR(36)  NOT NULL PRIMARY KEY,
  hospital_id VARCHAR(36)  NOT NULL,
  doctor_id   VARCHAR(36)  NOT NULL,
  external_id VARCHAR(64)  NOT NULL,
  starts_at   TIMESTAMP(6) NOT NULL,
  ends_at     TIMESTAMP(6) NOT NULL,
  free        BOOLEAN      NOT NULL,
  CONSTRAINT uk_doctor_clinic_times UNIQUE (hospital_id, external_id)
);
CREATE INDEX idx_doctor_clinic_times_doctor ON doctor_clinic_times (doctor_id, starts_at);
