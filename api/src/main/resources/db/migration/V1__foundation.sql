-- Trust, schools and calendar -------------------------------------------------------------
CREATE TABLE trust (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  name          VARCHAR(200) NOT NULL,
  created_at    DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE school (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  trust_id              BIGINT NOT NULL,
  urn                   INT NOT NULL,
  name                  VARCHAR(200) NOT NULL,
  timezone              VARCHAR(64) NOT NULL,
  am_register_opens     TIME NOT NULL,
  pm_register_opens     TIME NOT NULL,
  register_open_minutes INT NOT NULL,
  am_session_ends       TIME NOT NULL,
  pm_session_ends       TIME NOT NULL,
  text_time             TIME NOT NULL,
  call_time             TIME NOT NULL,
  created_at            DATETIME NOT NULL,
  CONSTRAINT uq_school_urn UNIQUE (urn),
  CONSTRAINT fk_school_trust FOREIGN KEY (trust_id) REFERENCES trust (id),
  CONSTRAINT ck_register_minutes CHECK (register_open_minutes BETWEEN 1 AND 30)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE school_term (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id     BIGINT NOT NULL,
  academic_year VARCHAR(7) NOT NULL,
  name          VARCHAR(60) NOT NULL,
  start_date    DATE NOT NULL,
  end_date      DATE NOT NULL,
  CONSTRAINT fk_term_school FOREIGN KEY (school_id) REFERENCES school (id),
  INDEX ix_term_school_year (school_id, academic_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE school_closure (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id     BIGINT NOT NULL,
  academic_year VARCHAR(7) NOT NULL,
  start_date    DATE NOT NULL,
  end_date      DATE NOT NULL,
  kind          VARCHAR(20) NOT NULL,
  sessions      VARCHAR(10) NOT NULL,
  description   VARCHAR(200),
  CONSTRAINT fk_closure_school FOREIGN KEY (school_id) REFERENCES school (id),
  INDEX ix_closure_school_year (school_id, academic_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Pupils and their parents/carers -----------------------------------------------------------
CREATE TABLE pupil (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id            BIGINT NOT NULL,
  upn                  VARCHAR(13),
  legal_first_name     VARCHAR(100) NOT NULL,
  legal_last_name      VARCHAR(100) NOT NULL,
  preferred_first_name VARCHAR(100),
  preferred_last_name  VARCHAR(100),
  date_of_birth        DATE NOT NULL,
  gender               VARCHAR(1),
  year_group           INT NOT NULL,
  registration_group   VARCHAR(20) NOT NULL,
  admission_date       DATE NOT NULL,
  leaving_date         DATE,
  pupil_premium        BOOLEAN NOT NULL DEFAULT FALSE,
  eal                  BOOLEAN NOT NULL DEFAULT FALSE,
  send_status          VARCHAR(12) NOT NULL DEFAULT 'NONE',
  looked_after         BOOLEAN NOT NULL DEFAULT FALSE,
  child_protection     BOOLEAN NOT NULL DEFAULT FALSE,
  child_in_need        BOOLEAN NOT NULL DEFAULT FALSE,
  social_worker_name   VARCHAR(120),
  social_worker_phone  VARCHAR(20),
  social_worker_email  VARCHAR(254),
  created_at           DATETIME NOT NULL,
  CONSTRAINT fk_pupil_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT uq_pupil_upn UNIQUE (upn),
  INDEX ix_pupil_school_group (school_id, registration_group)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE contact (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  trust_id           BIGINT NOT NULL,
  first_name         VARCHAR(100) NOT NULL,
  last_name          VARCHAR(100) NOT NULL,
  mobile             VARCHAR(16) NOT NULL,
  email              VARCHAR(254),
  preferred_language VARCHAR(12) NOT NULL DEFAULT 'en',
  created_at         DATETIME NOT NULL,
  CONSTRAINT fk_contact_trust FOREIGN KEY (trust_id) REFERENCES trust (id),
  CONSTRAINT uq_contact_mobile UNIQUE (trust_id, mobile)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE pupil_contact (
  id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
  pupil_id                BIGINT NOT NULL,
  contact_id              BIGINT NOT NULL,
  priority                INT NOT NULL,
  relationship            VARCHAR(40) NOT NULL,
  parental_responsibility BOOLEAN NOT NULL,
  lives_with              BOOLEAN NOT NULL,
  CONSTRAINT uq_pupil_contact UNIQUE (pupil_id, contact_id),
  CONSTRAINT fk_pc_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
  CONSTRAINT fk_pc_contact FOREIGN KEY (contact_id) REFERENCES contact (id),
  INDEX ix_pc_contact (contact_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Staff and sign-in -------------------------------------------------------------------------
CREATE TABLE staff_user (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  trust_id      BIGINT NOT NULL,
  school_id     BIGINT,
  email         VARCHAR(254) NOT NULL,
  name          VARCHAR(120) NOT NULL,
  position      VARCHAR(80) NOT NULL,
  roles         VARCHAR(200) NOT NULL,
  password_hash VARCHAR(100) NOT NULL,
  active        BOOLEAN NOT NULL DEFAULT TRUE,
  created_at    DATETIME NOT NULL,
  CONSTRAINT fk_staff_trust FOREIGN KEY (trust_id) REFERENCES trust (id),
  CONSTRAINT fk_staff_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT uq_staff_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE sign_in_code (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  mobile       VARCHAR(16) NOT NULL,
  client       VARCHAR(64) NOT NULL,
  code_hash    VARCHAR(64) NOT NULL,
  created_at   DATETIME NOT NULL,
  expires_at   DATETIME NOT NULL,
  attempts     INT NOT NULL DEFAULT 0,
  state        VARCHAR(10) NOT NULL,
  INDEX ix_code_mobile (mobile, created_at),
  INDEX ix_code_client (client, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE refresh_token (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  token_hash  VARCHAR(64) NOT NULL,
  subject     VARCHAR(40) NOT NULL,
  issued_at   DATETIME NOT NULL,
  expires_at  DATETIME NOT NULL,
  revoked_at  DATETIME,
  CONSTRAINT uq_refresh_hash UNIQUE (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The statutory register ------------------------------------------------------------------
-- One row per pupil and session; the original entry is kept beside the current code and every
-- change is appended to mark_amendment (rule book section 4).
CREATE TABLE mark (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  pupil_id             BIGINT NOT NULL,
  school_id            BIGINT NOT NULL,
  session_date         DATE NOT NULL,
  session              CHAR(2) NOT NULL,
  code                 VARCHAR(3) NOT NULL COLLATE utf8mb4_bin,
  arrival_time         TIME,
  original_code        VARCHAR(3) NOT NULL COLLATE utf8mb4_bin,
  original_arrival_time TIME,
  original_reason      VARCHAR(500),
  entered_at           DATETIME NOT NULL,
  entered_by_staff_id  BIGINT,
  entered_by_name      VARCHAR(120) NOT NULL,
  entered_by_position  VARCHAR(80) NOT NULL,
  amendments           INT NOT NULL DEFAULT 0,
  updated_at           DATETIME NOT NULL,
  CONSTRAINT uq_mark_session UNIQUE (pupil_id, session_date, session),
  CONSTRAINT fk_mark_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
  INDEX ix_mark_school_date (school_id, session_date, session)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE mark_amendment (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  mark_id              BIGINT NOT NULL,
  original_code        VARCHAR(3) NOT NULL COLLATE utf8mb4_bin,
  new_code             VARCHAR(3) NOT NULL COLLATE utf8mb4_bin,
  new_arrival_time     TIME,
  reason               VARCHAR(500) NOT NULL,
  amended_at           DATETIME NOT NULL,
  amended_by_staff_id  BIGINT,
  amended_by_name      VARCHAR(120) NOT NULL,
  amended_by_position  VARCHAR(80) NOT NULL,
  CONSTRAINT fk_amend_mark FOREIGN KEY (mark_id) REFERENCES mark (id),
  INDEX ix_amend_mark (mark_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Texts written instead of sent when no Twilio credentials are configured (local runs)
CREATE TABLE dev_text (
  id        BIGINT AUTO_INCREMENT PRIMARY KEY,
  recipient VARCHAR(16) NOT NULL,
  body      VARCHAR(1000) NOT NULL,
  sent_at   DATETIME NOT NULL,
  INDEX ix_dev_text_recipient (recipient)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE shedlock (
  name       VARCHAR(64) NOT NULL PRIMARY KEY,
  lock_until TIMESTAMP(3) NOT NULL,
  locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  locked_by  VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
