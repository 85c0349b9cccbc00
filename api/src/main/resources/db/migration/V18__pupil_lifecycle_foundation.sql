-- The pupil's lifecycle (issue 13), shared by the lifecycle, returns and dashboard work:
-- the ground for deletion from the admission register (reg 9 of the 2024 registration regulations; the contract's
-- DeletionGround) beside the leaving date, and the pupil's home addresses, newest first (home visits, LA returns).
ALTER TABLE pupil ADD COLUMN leaving_ground VARCHAR(40) NULL AFTER leaving_date;

CREATE TABLE pupil_address (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  pupil_id             BIGINT NOT NULL,
  line1                VARCHAR(200) NOT NULL,
  line2                VARCHAR(200),
  town                 VARCHAR(100) NOT NULL,
  postcode             VARCHAR(10) NOT NULL,
  recorded_at          DATETIME NOT NULL,
  recorded_by_staff_id BIGINT,
  CONSTRAINT fk_address_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
  INDEX ix_address_pupil (pupil_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
