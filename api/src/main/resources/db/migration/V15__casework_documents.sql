-- Documents to families (half-termly attendance reports, letters) rendered as PDF on request, and every download of one.
-- A school without a row in document_settings offers the half-termly report (the default).
CREATE TABLE document_settings (
  school_id         BIGINT PRIMARY KEY,
  half_term_reports BOOLEAN NOT NULL,
  updated_at        DATETIME NOT NULL,
  updated_by_name   VARCHAR(201) NOT NULL,
  CONSTRAINT fk_document_settings_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Who downloaded which document, when (UTC): a half-term report is named by its dates, a letter also by its id.
CREATE TABLE document_download (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id       BIGINT NOT NULL,
  pupil_id        BIGINT NOT NULL,
  kind            VARCHAR(20) NOT NULL,
  document_id     BIGINT NULL,
  period_start    DATE NOT NULL,
  period_end      DATE NOT NULL,
  title           VARCHAR(100) NOT NULL,
  language        VARCHAR(8) NOT NULL,
  downloader_kind VARCHAR(8) NOT NULL,
  downloader_id   BIGINT NOT NULL,
  downloaded_at   DATETIME NOT NULL,
  CONSTRAINT fk_document_download_school FOREIGN KEY (school_id) REFERENCES school (id),
  CONSTRAINT fk_document_download_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
  CONSTRAINT ck_document_download_kind CHECK (kind IN ('HALF_TERM_REPORT', 'LETTER')),
  CONSTRAINT ck_document_downloader_kind CHECK (downloader_kind IN ('PARENT', 'STAFF')),
  INDEX ix_document_download_school (school_id, downloaded_at),
  INDEX ix_document_download_pupil (pupil_id, downloaded_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The half-term report notices already written to the outbox for a school's half-term (the job's own progress mark;
-- each message also has its dedupe key, so a run cut short repeats nothing).
CREATE TABLE half_term_report_notice_run (
  school_id       BIGINT NOT NULL,
  half_term_start DATE NOT NULL,
  notices         INT NOT NULL,
  finished_at     DATETIME NOT NULL,
  PRIMARY KEY (school_id, half_term_start),
  CONSTRAINT fk_half_term_notice_run_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
