-- The morning's follow-up of unexplained absences (policy 000, policy 002 section 6a, rule book section 4).
-- Every step is idempotent through a unique key: a sweep repeated, restarted or run on two instances at once adds
-- nothing the first run already added (INSERT IGNORE on the key; only the run that inserted the row notifies).

-- Which of a school's morning steps have run on a day (REGISTER_CLOSE, TEXT, CALL); a step is re-run until recorded.
CREATE TABLE follow_up_run (
  school_id  BIGINT NOT NULL,
  school_day DATE NOT NULL,
  step       VARCHAR(20) NOT NULL,
  ran_at     DATETIME NOT NULL,
  PRIMARY KEY (school_id, school_day, step),
  CONSTRAINT fk_fu_run_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- What was done for one pupil on one day, at most once per step: the register closed with N (or a code already known),
-- the social worker told; TEXT is reserved for the 09:30 texts. Calls and home visits are follow_up_task rows.
CREATE TABLE follow_up_action (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id  BIGINT NOT NULL,
  pupil_id   BIGINT NOT NULL,
  school_day DATE NOT NULL,
  step       VARCHAR(20) NOT NULL,
  code       VARCHAR(3) COLLATE utf8mb4_bin,
  outcome    VARCHAR(20) NOT NULL,
  detail     VARCHAR(300),
  created_at DATETIME NOT NULL,
  CONSTRAINT uq_fu_action UNIQUE (pupil_id, school_day, step),
  CONSTRAINT fk_fu_action_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
  INDEX ix_fu_action_school (school_id, school_day, step)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A call (or home visit) staff must make about one pupil on one day: one per pupil, day and kind.
-- The priority fields are those of the moment it was raised (rules.CallPriority orders the list).
CREATE TABLE follow_up_task (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id             BIGINT NOT NULL,
  pupil_id              BIGINT NOT NULL,
  school_day            DATE NOT NULL,
  kind                  VARCHAR(12) NOT NULL,
  state                 VARCHAR(12) NOT NULL,
  social_worker         BOOLEAN NOT NULL,
  child_protection      BOOLEAN NOT NULL,
  looked_after          BOOLEAN NOT NULL,
  send_status           VARCHAR(12) NOT NULL,
  consecutive_days      INT NOT NULL,
  claimed_by_staff_id   BIGINT,
  claimed_by_name       VARCHAR(120),
  claimed_by_position   VARCHAR(80),
  claimed_at            DATETIME,
  closed_at             DATETIME,
  closed_reason         VARCHAR(300),
  created_at            DATETIME NOT NULL,
  CONSTRAINT uq_fu_task UNIQUE (pupil_id, school_day, kind),
  CONSTRAINT fk_fu_task_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
  CONSTRAINT ck_fu_task_kind CHECK (kind IN ('CALL', 'HOME_VISIT')),
  CONSTRAINT ck_fu_task_state CHECK (state IN ('OPEN', 'CLAIMED', 'DONE', 'ESCALATED', 'CLOSED')),
  INDEX ix_fu_task_school (school_id, school_day),
  INDEX ix_fu_task_claimed (claimed_by_staff_id, state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- What staff logged on a task: reached a contact (with the code recorded), no answer, a concern for the DSL.
CREATE TABLE follow_up_task_outcome (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  task_id            BIGINT NOT NULL,
  outcome            VARCHAR(12) NOT NULL,
  contact_id         BIGINT,
  code               VARCHAR(3) COLLATE utf8mb4_bin,
  note               VARCHAR(500),
  register_result    VARCHAR(20),
  staff_id           BIGINT NOT NULL,
  staff_name         VARCHAR(120) NOT NULL,
  staff_position     VARCHAR(80) NOT NULL,
  recorded_at        DATETIME NOT NULL,
  CONSTRAINT fk_fu_outcome_task FOREIGN KEY (task_id) REFERENCES follow_up_task (id),
  CONSTRAINT ck_fu_outcome CHECK (outcome IN ('REACHED', 'NO_ANSWER', 'CONCERN')),
  INDEX ix_fu_outcome_task (task_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
