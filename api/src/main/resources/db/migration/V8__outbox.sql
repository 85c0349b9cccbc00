-- The transactional outbox: every text and push the app decides to send is written here in the same transaction
-- as the decision, then handed to Twilio or Firebase by OutboxWorker (rows claimed with FOR UPDATE SKIP LOCKED).
-- dedupe_key names the decision (e.g. text:pupil:123:2025-12-03:morning-text:contact:9): the same decision made
-- twice (two instances, a restarted sweep) finds the key taken and adds nothing.
CREATE TABLE outbox_message (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  dedupe_key          VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  channel             VARCHAR(4) NOT NULL,
  purpose             VARCHAR(40) NOT NULL,
  school_id           BIGINT,
  pupil_id            BIGINT,
  to_number           VARCHAR(16),
  to_person_kind      VARCHAR(8),
  to_person_id        BIGINT,
  title               VARCHAR(200),
  body                VARCHAR(1600) NOT NULL,
  data                VARCHAR(4000),
  status              VARCHAR(7) NOT NULL,
  attempts            INT NOT NULL DEFAULT 0,
  next_attempt_at     DATETIME NOT NULL,
  last_error          VARCHAR(100),
  provider_ref        VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin,
  devices_reached     INT,
  delivery_status     VARCHAR(20),
  delivery_error_code VARCHAR(16),
  delivery_updated_at DATETIME,
  created_at          DATETIME NOT NULL,
  sent_at             DATETIME,
  CONSTRAINT uq_outbox_dedupe UNIQUE (dedupe_key),
  CONSTRAINT ck_outbox_channel CHECK (channel IN ('TEXT', 'PUSH')),
  CONSTRAINT ck_outbox_status CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
  CONSTRAINT ck_outbox_recipient CHECK ((channel = 'TEXT' AND to_number IS NOT NULL)
      OR (channel = 'PUSH' AND to_person_kind IN ('PARENT', 'STAFF') AND to_person_id IS NOT NULL)),
  -- the workers' claim: due PENDING rows in order (SENT and FAILED rows stay out of the scanned range)
  INDEX ix_outbox_due (status, next_attempt_at),
  -- Twilio's status callbacks name the message SID
  INDEX ix_outbox_provider_ref (provider_ref),
  INDEX ix_outbox_school (school_id, id),
  INDEX ix_outbox_pupil (pupil_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The N -> O sweep looks for a school's marks still N: a handful among hundreds of thousands of marks.
CREATE INDEX ix_mark_school_unexplained ON mark (school_id, code, session_date);
