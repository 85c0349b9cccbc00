-- Texts to review: a text from a parent/carer's mobile that answered no morning text that day (text_reply UNMATCHED)
-- is put before the staff of each school where that contact has a child on roll, one item per school and contact, until
-- someone marks it done. The children are not stored: they are read through the contact's links when staff list the
-- items, those on the school's roll on the day the text came (the pupil feature owns pupils and links; a copy here would
-- go stale when a link is corrected, and would put children's names in a second place).
CREATE TABLE text_review (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  text_reply_id       BIGINT NOT NULL,
  school_id           BIGINT NOT NULL,
  contact_id          BIGINT NOT NULL,
  status              VARCHAR(4) NOT NULL,
  handled_by_staff_id BIGINT,
  -- UTC
  handled_at          DATETIME,
  note                VARCHAR(500),
  created_at          DATETIME NOT NULL,
  CONSTRAINT uq_text_review UNIQUE (text_reply_id, school_id, contact_id),
  CONSTRAINT ck_text_review_status CHECK (status IN ('OPEN', 'DONE')),
  CONSTRAINT fk_text_review_reply FOREIGN KEY (text_reply_id) REFERENCES text_reply (id),
  CONSTRAINT fk_text_review_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_text_review_contact FOREIGN KEY (contact_id) REFERENCES contact (id),
  CONSTRAINT fk_text_review_staff FOREIGN KEY (handled_by_staff_id) REFERENCES staff_user (id),
  INDEX ix_text_review_school (school_id, status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
