-- Casework: staff notes in a pupil's chronology. A dsl_only note (safeguarding) is shown only to the DSL, the
-- headteacher and trust administrators. Notes are kept as written (never edited). Timestamps UTC.
CREATE TABLE chronology_note (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id             BIGINT NOT NULL,
  pupil_id              BIGINT NOT NULL,
  text                  TEXT NOT NULL,
  dsl_only              BOOLEAN NOT NULL,
  created_at            DATETIME NOT NULL,
  created_by_staff_id   BIGINT NOT NULL,
  created_by_name       VARCHAR(300) NOT NULL,
  CONSTRAINT fk_chronology_note_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
  CONSTRAINT fk_chronology_note_school FOREIGN KEY (school_id) REFERENCES school (id),
  INDEX ix_chronology_note_pupil (pupil_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
