-- The graduated response (attendance policy annexes 5-7): each school's letter stages and letters.
-- letter_setting / letter_stage hold only what a school changed: a school without rows uses the policy's defaults.
CREATE TABLE letter_setting (
  school_id             BIGINT PRIMARY KEY,
  resend_after_days     INT NOT NULL,
  minimum_sessions      INT NOT NULL,
  updated_by_staff_id   BIGINT NOT NULL,
  -- UTC
  updated_at            DATETIME NOT NULL,
  CONSTRAINT fk_letter_setting_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_letter_setting_staff FOREIGN KEY (updated_by_staff_id) REFERENCES staff_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE letter_stage (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id             BIGINT NOT NULL,
  stage                 VARCHAR(24) NOT NULL,
  name                  VARCHAR(100) NOT NULL,
  description           VARCHAR(500) NOT NULL,
  automatic             BOOLEAN NOT NULL,
  -- LETTER_1..3: proposed when attendance is strictly below this percentage
  threshold_percent     DECIMAL(5,2),
  -- U_LATE: proposed at this many U sessions this term
  u_late_sessions       INT,
  subject               VARCHAR(200) NOT NULL,
  body                  MEDIUMTEXT NOT NULL,
  updated_by_staff_id   BIGINT NOT NULL,
  updated_at            DATETIME NOT NULL,
  CONSTRAINT uq_letter_stage UNIQUE (school_id, stage),
  CONSTRAINT fk_letter_stage_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_letter_stage_staff FOREIGN KEY (updated_by_staff_id) REFERENCES staff_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A letter: proposed by the daily job (proposed_by_staff_id NULL) or by staff, then sent or dismissed. The figures are
-- a snapshot of the pupil's at proposal. One letter per pupil, stage and school day: the job may run many times a day.
CREATE TABLE letter (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id             BIGINT NOT NULL,
  pupil_id              BIGINT NOT NULL,
  stage                 VARCHAR(24) NOT NULL,
  stage_name            VARCHAR(100) NOT NULL,
  status                VARCHAR(10) NOT NULL,
  subject               VARCHAR(200) NOT NULL,
  body                  MEDIUMTEXT NOT NULL,
  figures_as_of         DATE NOT NULL,
  attendance_percent    DECIMAL(4,1),
  sessions_possible     INT NOT NULL,
  sessions_missed       INT NOT NULL,
  learning_hours_lost   DECIMAL(7,1) NOT NULL,
  band                  VARCHAR(60),
  penalty_status        VARCHAR(500) NOT NULL,
  u_late_sessions       INT NOT NULL,
  proposed_on           DATE NOT NULL,
  proposed_at           DATETIME NOT NULL,
  proposed_by_staff_id  BIGINT,
  edited_by_staff_id    BIGINT,
  edited_at             DATETIME,
  sent_by_staff_id      BIGINT,
  sent_at               DATETIME,
  recipients            INT,
  dismissed_by_staff_id BIGINT,
  dismissed_at          DATETIME,
  dismissed_reason      VARCHAR(500),
  CONSTRAINT uq_letter_day UNIQUE (pupil_id, stage, proposed_on),
  CONSTRAINT ck_letter_status CHECK (status IN ('PROPOSED', 'SENT', 'DISMISSED')),
  CONSTRAINT fk_letter_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_letter_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
  INDEX ix_letter_school (school_id, status, id),
  INDEX ix_letter_pupil (pupil_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
