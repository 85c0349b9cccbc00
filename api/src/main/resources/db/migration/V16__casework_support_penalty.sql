-- Casework: support records (meetings, targeted support plans, attendance and parenting contracts) with their reviews,
-- and the penalty-notice pathway (a case per pupil and parent: notice to improve, request to the local authority,
-- the notice, payment or withdrawal). Dates are the school's (Europe/London); timestamps UTC.
CREATE TABLE support_settings (
  school_id             BIGINT PRIMARY KEY,
  review_weeks          INT NOT NULL,
  CONSTRAINT ck_support_settings_weeks CHECK (review_weeks BETWEEN 1 AND 12),
  CONSTRAINT fk_support_settings_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE support_record (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id             BIGINT NOT NULL,
  pupil_id              BIGINT NOT NULL,
  kind                  VARCHAR(24) NOT NULL,
  status                VARCHAR(8) NOT NULL,
  -- the meeting's date, or the day a plan or contract starts
  starts_on             DATE NOT NULL,
  ends_on               DATE,
  -- JSON: attendees ["Mrs Khan (mother)", ...], actions [{what, owner, dueOn}, ...]
  attendees             TEXT NOT NULL,
  agreed                TEXT,
  terms                 TEXT,
  actions               TEXT NOT NULL,
  owner_staff_id        BIGINT NOT NULL,
  next_review_on        DATE,
  -- the review date whose reminder is already in the outbox
  reminded_for          DATE,
  created_at            DATETIME NOT NULL,
  created_by_name       VARCHAR(200) NOT NULL,
  updated_at            DATETIME NOT NULL,
  updated_by_name       VARCHAR(200) NOT NULL,
  CONSTRAINT ck_support_record_kind CHECK (kind IN ('MEETING', 'SUPPORT_PLAN', 'ATTENDANCE_CONTRACT', 'PARENTING_CONTRACT')),
  CONSTRAINT ck_support_record_status CHECK (status IN ('ACTIVE', 'CLOSED')),
  CONSTRAINT fk_support_record_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_support_record_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
  CONSTRAINT fk_support_record_owner FOREIGN KEY (owner_staff_id) REFERENCES staff_user (id),
  INDEX ix_support_record_pupil (pupil_id, id),
  INDEX ix_support_record_review (status, next_review_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE support_review (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  support_record_id     BIGINT NOT NULL,
  reviewed_on           DATE NOT NULL,
  outcome               VARCHAR(12) NOT NULL,
  note                  TEXT,
  next_review_on        DATE,
  created_at            DATETIME NOT NULL,
  created_by_name       VARCHAR(200) NOT NULL,
  CONSTRAINT ck_support_review_outcome CHECK (outcome IN ('CONTINUE', 'ESCALATE', 'CLOSE')),
  CONSTRAINT fk_support_review_record FOREIGN KEY (support_record_id) REFERENCES support_record (id),
  INDEX ix_support_review_record (support_record_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE penalty_case (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id             BIGINT NOT NULL,
  pupil_id              BIGINT NOT NULL,
  contact_id            BIGINT NOT NULL,
  reason                VARCHAR(24) NOT NULL,
  stage                 VARCHAR(20) NOT NULL,
  stage_since           DATE NOT NULL,
  note                  TEXT,
  improvement_from      DATE,
  improve_by            DATE,
  la_requested_on       DATE,
  la_request_note       TEXT,
  issued_on             DATE,
  received_on           DATE,
  notice_number         INT,
  paid_on               DATE,
  amount_paid           DECIMAL(8, 2),
  withdrawn_on          DATE,
  withdrawal_reason     TEXT,
  created_at            DATETIME NOT NULL,
  created_by_name       VARCHAR(200) NOT NULL,
  updated_at            DATETIME NOT NULL,
  updated_by_name       VARCHAR(200) NOT NULL,
  CONSTRAINT ck_penalty_case_reason CHECK (reason IN ('TERM_TIME_HOLIDAY', 'IRREGULAR_ATTENDANCE')),
  CONSTRAINT ck_penalty_case_stage CHECK (stage IN ('OPEN', 'NOTICE_TO_IMPROVE', 'REQUESTED', 'ISSUED', 'PAID', 'WITHDRAWN')),
  CONSTRAINT fk_penalty_case_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_penalty_case_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
  CONSTRAINT fk_penalty_case_contact FOREIGN KEY (contact_id) REFERENCES contact (id),
  INDEX ix_penalty_case_pupil (pupil_id, contact_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
