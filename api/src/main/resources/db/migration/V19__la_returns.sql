-- Local-authority returns (issue 13): the school's local authority, and each return as a stored thing with identity.
-- A return is found by the rules (attendance, sickness) or by the admission register (new pupil, deletion), stored
-- DUE the first time a list or export of the school's returns is read, and marked SENT by staff (who, when, how).
-- (pupil_id, kind, period_start) is unique so two readers storing the same return at once store it once.
ALTER TABLE school ADD COLUMN la_code CHAR(3) NULL AFTER name;
ALTER TABLE school ADD COLUMN la_name VARCHAR(100) NULL AFTER la_code;
CREATE INDEX ix_school_la ON school (trust_id, la_code);

CREATE TABLE la_return (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id          BIGINT NOT NULL,
  pupil_id           BIGINT NOT NULL,
  kind               VARCHAR(20) NOT NULL,
  period_start       DATE NOT NULL,
  period_end         DATE NOT NULL,
  due_on             DATE NOT NULL,
  send_by            DATE NULL,
  sickness_trigger   VARCHAR(20) NULL,
  status             VARCHAR(10) NOT NULL,
  created_at         DATETIME NOT NULL,
  sent_at            DATETIME NULL,
  sent_by_staff_id   BIGINT NULL,
  sent_by_name       VARCHAR(200) NULL,
  sent_by_position   VARCHAR(200) NULL,
  sent_via           VARCHAR(30) NULL,
  sent_note          VARCHAR(500) NULL,
  CONSTRAINT uq_la_return UNIQUE (pupil_id, kind, period_start),
  CONSTRAINT fk_la_return_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_la_return_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
  INDEX ix_la_return_school (school_id, due_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
