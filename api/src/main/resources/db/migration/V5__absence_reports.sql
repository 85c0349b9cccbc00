-- Parents' absence reports (issue 4). One report per child; a request for several children makes several reports.
CREATE TABLE absence_report (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  pupil_id         BIGINT NOT NULL,
  school_id        BIGINT NOT NULL,
  parent_id        BIGINT NOT NULL,
  reported_by_name VARCHAR(201) NOT NULL,
  reason           VARCHAR(24) NOT NULL,
  other_reason     VARCHAR(500),
  appointment_time TIME,
  appointment_ends TIME,
  first_day        DATE NOT NULL,
  last_day         DATE NOT NULL,
  expected_return  DATE,
  note             VARCHAR(1000),
  status           VARCHAR(20) NOT NULL,
  decided_code     VARCHAR(3),
  created_at       DATETIME NOT NULL,
  updated_at       DATETIME NOT NULL,
  CONSTRAINT fk_absence_report_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
  CONSTRAINT fk_absence_report_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_absence_report_parent FOREIGN KEY (parent_id) REFERENCES contact (id),
  CONSTRAINT ck_absence_report_reason CHECK (reason IN ('ILLNESS', 'MEDICAL_APPOINTMENT', 'RELIGIOUS_OBSERVANCE', 'OTHER')),
  CONSTRAINT ck_absence_report_status CHECK (status IN ('AWAITING_DECISION', 'QUESTION_ASKED', 'ACCEPTED', 'NOT_ACCEPTED', 'WITHDRAWN')),
  INDEX ix_absence_report_school (school_id, status, first_day),
  INDEX ix_absence_report_pupil (pupil_id, first_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Each school session a report covers and what it asks of the register. A session is claimed by at most one live
-- report per pupil: `claim` is 1 while the report codes the session or awaits a decision on it, NULL otherwise
-- (withdrawn, or a further day of religious observance left for a leave request), and NULLs never collide.
CREATE TABLE absence_report_session (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  report_id    BIGINT NOT NULL,
  pupil_id     BIGINT NOT NULL,
  school_id    BIGINT NOT NULL,
  session_date DATE NOT NULL,
  session      VARCHAR(2) NOT NULL,
  disposition  VARCHAR(20) NOT NULL,
  code         VARCHAR(3),
  claim        TINYINT GENERATED ALWAYS AS (CASE WHEN disposition IN ('APPLY', 'AWAITING_DECISION') THEN 1 ELSE NULL END) STORED,
  CONSTRAINT fk_absence_session_report FOREIGN KEY (report_id) REFERENCES absence_report (id),
  CONSTRAINT uq_absence_session UNIQUE (report_id, session_date, session),
  CONSTRAINT uq_absence_session_claim UNIQUE (pupil_id, session_date, session, claim),
  CONSTRAINT ck_absence_session_disposition CHECK (disposition IN ('APPLY', 'AWAITING_DECISION', 'NEEDS_LEAVE_REQUEST', 'WITHDRAWN')),
  INDEX ix_absence_session_school (school_id, session_date, session)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Everything that happened to a report (reported, updated, withdrawn, decided) and its message thread
-- (QUESTION from the school, REPLY from the family), oldest first.
CREATE TABLE absence_report_event (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  report_id   BIGINT NOT NULL,
  action      VARCHAR(20) NOT NULL,
  happened_at DATETIME NOT NULL,
  by_kind     VARCHAR(8) NOT NULL,
  by_id       BIGINT NOT NULL,
  by_name     VARCHAR(201) NOT NULL,
  by_position VARCHAR(80) NOT NULL,
  details     VARCHAR(2000),
  CONSTRAINT fk_absence_event_report FOREIGN KEY (report_id) REFERENCES absence_report (id),
  INDEX ix_absence_event_report (report_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Per-school choices; a school without a row uses the defaults (illness reports are recorded at once).
CREATE TABLE absence_report_settings (
  school_id            BIGINT PRIMARY KEY,
  illness_needs_review BOOLEAN NOT NULL,
  updated_at           DATETIME NOT NULL,
  updated_by_name      VARCHAR(201) NOT NULL,
  CONSTRAINT fk_absence_settings_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Idempotency-Key of POST /absence-reports: the first result of each parent's key, replayed on a retry.
-- The row is written first, in the transaction that creates the reports, and completed with the response at its end:
-- a concurrent retry waits on the unique key and, once the first commits, replays it. Keys are compared byte for byte.
CREATE TABLE absence_report_request (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  parent_id       BIGINT NOT NULL,
  idempotency_key VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  request_hash    CHAR(64) NOT NULL,
  response_status INT,
  response_body   MEDIUMTEXT,
  created_at      DATETIME NOT NULL,
  CONSTRAINT uq_absence_request_key UNIQUE (parent_id, idempotency_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
