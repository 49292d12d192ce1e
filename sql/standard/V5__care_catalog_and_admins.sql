-- Care services (issue 4): administrators, the service catalog, hospitals with their departments and
-- doctors, the staff who carry out services, and what each staff member can do and where.

CREATE TABLE admins (
  id            VARCHAR(36)  NOT NULL PRIMARY KEY,
  username      VARCHAR(50)  NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  name          VARCHAR(50),
  status        VARCHAR(20)  DEFAULT 'active' NOT NULL,
  created_at    TIMESTAMP(6)  NOT NULL,
  updated_at    TIMESTAMP(6)  NOT NULL,
  version       BIGINT       DEFAULT 0 NOT NULL,
  CONSTRAINT uk_admins_username UNIQUE (username),
  CONSTRAINT ck_admins_status CHECK (status IN ('active', 'suspended'))
);

CREATE TABLE services (
  id               VARCHAR(36)   NOT NULL PRIMARY KEY,
  name             VARCHAR(100)  NOT NULL,
  category         VARCHAR(50)   NOT NULL,
  description      TEXT,
  price            DECIMAL(10,2) NOT NULL,
  duration_minutes INT           NOT NULL,
  is_active        BOOLEAN       DEFAULT TRUE NOT NULL,
  sort_order       INT           DEFAULT 0 NOT NULL,
  rating_sum       BIGINT        DEFAULT 0 NOT NULL,
  rating_count     BIGINT        DEFAULT 0 NOT NULL,
  created_at       TIMESTAMP(6)   NOT NULL,
  updated_at       TIMESTAMP(6)   NOT NULL,
  version          BIGINT        DEFAULT 0 NOT NULL,
  CONSTRAINT ck_services_category CHECK (category IN ('companion', 'consultation', 'report_pickup', 'medicine_pickup', 'inpatient_care', 'other')),
  CONSTRAINT ck_services_price CHECK (price >= 0),
  CONSTRAINT ck_services_duration CHECK (duration_minutes > 0)
);
CREATE INDEX idx_services_category ON services (category);
CREATE INDEX idx_services_active_sort ON services (is_active, sort_order);

CREATE TABLE hospitals (
  id         VARCHAR(36)  NOT NULL PRIMARY KEY,
  name       VARCHAR(100) NOT NULL,
  grade      VARCHAR(20),
  city       VARCHAR(50),
  address    VARCHAR(255),
  phone      VARCHAR(30),
  is_active  BOOLEAN      DEFAULT TRUE NOT NULL,
  sort_order INT          DEFAULT 0 NOT NULL,
  created_at TIMESTAMP(6)  NOT NULL,
  updated_at TIMESTAMP(6)  NOT NULL,
  version    BIGINT       DEFAULT 0 NOT NULL
);

CREATE TABLE departments (
  id          VARCHAR(36)  NOT NULL PRIMARY KEY,
  hospital_id VARCHAR(36)  NOT NULL,
  name        VARCHAR(100) NOT NULL,
  description VARCHAR(500),
  is_active   BOOLEAN      DEFAULT TRUE NOT NULL,
  sort_order  INT          DEFAULT 0 NOT NULL,
  version     BIGINT       DEFAULT 0 NOT NULL,
  CONSTRAINT fk_departments_hospital FOREIGN KEY (hospital_id) REFERENCES hospitals (id)
);
CREATE INDEX idx_departments_hospital ON departments (hospital_id);

CREATE TABLE doctors (
  id            VARCHAR(36)  NOT NULL PRIMARY KEY,
  hospital_id   VARCHAR(36)  NOT NULL,
  department_id VARCHAR(36)  NOT NULL,
  name          VARCHAR(50)  NOT NULL,
  title         VARCHAR(50),
  specialty     VARCHAR(500),
  is_active     BOOLEAN      DEFAULT TRUE NOT NULL,
  version       BIGINT       DEFAULT 0 NOT NULL,
  CONSTRAINT fk_doctors_hospital FOREIGN KEY (hospital_id) REFERENCES hospitals (id),
  CONSTRAINT fk_doctors_department FOREIGN KEY (department_id) REFERENCES departments (id)
);
CREATE INDEX idx_doctors_department ON doctors (department_id);

CREATE TABLE staff (
  id            VARCHAR(36)  NOT NULL PRIMARY KEY,
  name          VARCHAR(50)  NOT NULL,
  phone         VARCHAR(20),
  wecom_user_id VARCHAR(64),
  work_days     VARCHAR(7)   DEFAULT '1234567' NOT NULL,
  status        VARCHAR(20)  DEFAULT 'active' NOT NULL,
  rating_sum    BIGINT       DEFAULT 0 NOT NULL,
  rating_count  BIGINT       DEFAULT 0 NOT NULL,
  created_at    TIMESTAMP(6)  NOT NULL,
  updated_at    TIMESTAMP(6)  NOT NULL,
  version       BIGINT       DEFAULT 0 NOT NULL,
  CONSTRAINT uk_staff_wecom_user UNIQUE (wecom_user_id),
  CONSTRAINT ck_staff_status CHECK (status IN ('active', 'left'))
);

CREATE TABLE staff_services (
  staff_id   VARCHAR(36) NOT NULL,
  service_id VARCHAR(36) NOT NULL,
  PRIMARY KEY (staff_id, service_id),
  CONSTRAINT fk_staff_services_staff FOREIGN KEY (staff_id) REFERENCES staff (id) ON DELETE CASCADE,
  CONSTRAINT fk_staff_services_service FOREIGN KEY (service_id) REFERENCES services (id) ON DELETE CASCADE
);
CREATE INDEX idx_staff_services_service ON staff_services (service_id);

CREATE TABLE staff_hospitals (
  staff_id    VARCHAR(36) NOT NULL,
  hospital_id VARCHAR(36) NOT NULL,
  PRIMARY KEY (staff_id, hospital_id),
  CONSTRAINT fk_staff_hospitals_staff FOREIGN KEY (staff_id) REFERENCES staff (id) ON DELETE CASCADE,
  CONSTRAINT fk_staff_hospitals_hospital FOREIGN KEY (hospital_id) REFERENCES hospitals (id) ON DELETE CASCADE
);
