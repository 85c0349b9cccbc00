-- Part-time timetables (issue 13): a temporary agreement, made by staff with the parent the pupil normally lives
-- with, that the pupil is not expected in school on some sessions of each week (recorded C2 when absent), with review
-- dates and a proposed end; its reviews; and the reminders already queued before a review or the end.
-- Dates are the school's (Europe/London); timestamps UTC.
CREATE TABLE part_time_timetable (
  id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id               BIGINT NOT NULL,
  pupil_id                BIGINT NOT NULL,
  -- the off-timetable sessions of each week, e.g. 'WEDNESDAY_PM,FRIDAY_PM'
  off_sessions            VARCHAR(200) NOT NULL,
  starts_on               DATE NOT NULL,
  proposed_end_on         DATE NOT NULL,
  original_end_on         DATE NOT NULL,
  -- ISO dates, ascending, comma-separated
  review_dates            VARCHAR(1000) NOT NULL,
  status                  VARCHAR(8) NOT NULL,
  ended_on                DATE,
  end_note                TEXT,
  reason                  TEXT NOT NULL,
  longer_reason           TEXT,
  agreed_by_staff_id      BIGINT NOT NULL,
  agreed_by_name          VARCHAR(200) NOT NULL,
  agreed_with_contact_id  BIGINT NOT NULL,
  created_at              DATETIME NOT NULL,
  updated_at              DATETIME NOT NULL,
  CONSTRAINT ck_part_time_status CHECK (status IN ('ACTIVE', 'ENDED')),
  CONSTRAINT ck_part_time_dates CHECK (proposed_end_on >= starts_on),
  CONSTRAINT fk_part_time_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_part_time_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
  CONSTRAINT fk_part_time_staff FOREIGN KEY (agreed_by_staff_id) REFERENCES staff_user (id),
  CONSTRAINT fk_part_time_contact FOREIGN KEY (agreed_with_contact_id) REFERENCES contact (id),
  INDEX ix_part_time_pupil (pupil_id, starts_on),
  INDEX ix_part_time_school (school_id, status, proposed_end_on),
  INDEX ix_part_time_open (status, proposed_end_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE part_time_review (
  id                      BIGINT AUTO_INCREMENT PRIMARY KEY,
  timetable_id            BIGINT NOT NULL,
  reviewed_on             DATE NOT NULL,
  outcome                 VARCHAR(10) NOT NULL,
  note                    TEXT,
  new_end_on              DATE,
  next_review_on          DATE,
  created_at              DATETIME NOT NULL,
  created_by_name         VARCHAR(200) NOT NULL,
  CONSTRAINT ck_part_time_review_outcome CHECK (outcome IN ('CONTINUE', 'EXTEND', 'END')),
  CONSTRAINT fk_part_time_review_timetable FOREIGN KEY (timetable_id) REFERENCES part_time_timetable (id),
  INDEX ix_part_time_review_timetable (timetable_id, reviewed_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One row per reminder decided (a review date or the end date of an agreement): never twice for the same date.
CREATE TABLE part_time_reminder (
  timetable_id            BIGINT NOT NULL,
  kind                    VARCHAR(6) NOT NULL,
  due_on                  DATE NOT NULL,
  queued_at               DATETIME NOT NULL,
  PRIMARY KEY (timetable_id, kind, due_on),
  CONSTRAINT ck_part_time_reminder_kind CHECK (kind IN ('REVIEW', 'END')),
  CONSTRAINT fk_part_time_reminder_timetable FOREIGN KEY (timetable_id) REFERENCES part_time_timetable (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
