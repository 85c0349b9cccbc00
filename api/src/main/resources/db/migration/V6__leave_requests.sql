-- Leave of absence asked for by a parent/carer and decided by the headteacher (rule book section 4).
CREATE TABLE leave_request (
  id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
  pupil_id                BIGINT NOT NULL,
  school_id               BIGINT NOT NULL,
  requested_by_contact_id BIGINT NOT NULL,
  requested_by_name       VARCHAR(201) NOT NULL,
  leave_type              VARCHAR(48) NOT NULL,
  first_day               DATE NOT NULL,
  first_session           CHAR(2) NOT NULL,
  last_day                DATE NOT NULL,
  last_session            CHAR(2) NOT NULL,
  reason                  VARCHAR(1000) NOT NULL,
  status                  VARCHAR(16) NOT NULL,
  requested_at            DATETIME NOT NULL,
  decided_at              DATETIME,
  decided_by_staff_id     BIGINT,
  decided_by_name         VARCHAR(120),
  decided_by_position     VARCHAR(80),
  decision_reason         VARCHAR(500),
  CONSTRAINT fk_leave_request_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
  CONSTRAINT fk_leave_request_contact FOREIGN KEY (requested_by_contact_id) REFERENCES contact (id),
  CONSTRAINT ck_leave_request_status CHECK (status IN ('PENDING', 'APPROVED', 'PARTLY_APPROVED', 'DECLINED', 'WITHDRAWN')),
  CONSTRAINT ck_leave_request_sessions CHECK (first_session IN ('AM', 'PM') AND last_session IN ('AM', 'PM')),
  INDEX ix_leave_request_school (school_id, first_day),
  INDEX ix_leave_request_pupil (pupil_id, first_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Each school session a request covers, and what became of it. The register reads decided sessions by pupil and
-- session when it is taken.
CREATE TABLE leave_request_session (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  leave_request_id BIGINT NOT NULL,
  pupil_id         BIGINT NOT NULL,
  session_date     DATE NOT NULL,
  session          CHAR(2) NOT NULL,
  outcome          VARCHAR(16) NOT NULL,
  code             VARCHAR(3) COLLATE utf8mb4_bin,
  decided_at       DATETIME,
  CONSTRAINT uq_leave_request_session UNIQUE (leave_request_id, session_date, session),
  CONSTRAINT fk_leave_request_session_request FOREIGN KEY (leave_request_id) REFERENCES leave_request (id),
  CONSTRAINT ck_leave_request_session_outcome CHECK (outcome IN ('REQUESTED', 'APPROVED', 'NOT_APPROVED', 'WITHDRAWN')),
  INDEX ix_leave_request_session_pupil (pupil_id, session_date, session)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The request's history as the parent and staff see it: submitted, decided, withdrawn, register updated, notified.
CREATE TABLE leave_request_event (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  leave_request_id BIGINT NOT NULL,
  event            VARCHAR(24) NOT NULL,
  happened_at      DATETIME NOT NULL,
  by_name          VARCHAR(201) NOT NULL,
  by_position      VARCHAR(80) NOT NULL,
  note             VARCHAR(500),
  CONSTRAINT fk_leave_request_event_request FOREIGN KEY (leave_request_id) REFERENCES leave_request (id),
  INDEX ix_leave_request_event_request (leave_request_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
