-- The 09:30 texts and the replies to them (issue 5).

-- A message the feature that decided it no longer wants when its turn comes (the pupil arrived late, was re-coded or
-- reported meanwhile) is CANCELLED, not sent; last_error says why (a code such as PUPIL_MARKED).
ALTER TABLE outbox_message DROP CONSTRAINT ck_outbox_status;
ALTER TABLE outbox_message MODIFY status VARCHAR(9) NOT NULL;
ALTER TABLE outbox_message ADD CONSTRAINT ck_outbox_status CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED'));
-- A push to a parent carries the same news as a text, enqueued by the worker when the push reaches no device.
ALTER TABLE outbox_message ADD COLUMN fallback_text VARCHAR(1600) AFTER data;
-- A reply is matched to the latest follow-up text sent to its number.
CREATE INDEX ix_outbox_to_number ON outbox_message (to_number, id);

-- Every text received on the school's number (Twilio's inbound webhook), once per Twilio message SID, and what came
-- of it: an absence report for the child the latest morning text to that number was about, or nothing (an unknown
-- number, no text today, an opt-out keyword).
CREATE TABLE text_reply (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  message_sid  VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  from_number  VARCHAR(16) NOT NULL,
  body         VARCHAR(1600) NOT NULL,
  received_at  DATETIME NOT NULL,
  outcome      VARCHAR(20) NOT NULL,
  school_id    BIGINT,
  pupil_id     BIGINT,
  school_day   DATE,
  contact_id   BIGINT,
  -- the morning text this replies to
  outbox_id    BIGINT,
  reason       VARCHAR(20),
  report_id    BIGINT,
  detail       VARCHAR(300),
  CONSTRAINT uq_text_reply_sid UNIQUE (message_sid),
  CONSTRAINT ck_text_reply_outcome CHECK (outcome IN ('RECEIVED', 'REPORTED', 'NOT_REPORTED', 'UNMATCHED', 'KEYWORD')),
  INDEX ix_text_reply_pupil (pupil_id, school_day),
  INDEX ix_text_reply_school (school_id, school_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
