-- Evidence files (images and PDFs) that parents and staff upload. The bytes live in an EvidenceStore (a local
-- folder or an S3-compatible bucket) under storage_key; this table holds what is known about them.
CREATE TABLE evidence_file (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  storage_key   VARCHAR(100) NOT NULL,
  sha256        CHAR(64) NOT NULL,
  media_type    VARCHAR(40) NOT NULL,
  size_bytes    BIGINT NOT NULL,
  file_name     VARCHAR(255) NOT NULL,
  uploader_kind VARCHAR(8) NOT NULL,
  uploader_id   BIGINT NOT NULL,
  created_at    DATETIME NOT NULL,
  CONSTRAINT uq_evidence_storage_key UNIQUE (storage_key),
  CONSTRAINT ck_evidence_uploader_kind CHECK (uploader_kind IN ('PARENT', 'STAFF')),
  CONSTRAINT ck_evidence_size CHECK (size_bytes > 0),
  INDEX ix_evidence_uploader (uploader_kind, uploader_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A file attached to a pupil's record for a subject ("absence-report:12", "leave-request:7", "pupil-record"):
-- from then on the pupil's family and the staff of the pupil's school may read it.
CREATE TABLE evidence_attachment (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  evidence_id BIGINT NOT NULL,
  pupil_id    BIGINT NOT NULL,
  subject     VARCHAR(100) NOT NULL,
  attached_at DATETIME NOT NULL,
  CONSTRAINT uq_evidence_attachment UNIQUE (evidence_id, pupil_id, subject),
  CONSTRAINT fk_evidence_attachment_file FOREIGN KEY (evidence_id) REFERENCES evidence_file (id),
  CONSTRAINT fk_evidence_attachment_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
  INDEX ix_evidence_attachment_pupil (pupil_id),
  INDEX ix_evidence_attachment_subject (subject)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every download of an evidence file: which file, who, when.
CREATE TABLE evidence_download (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  evidence_id     BIGINT NOT NULL,
  downloader_kind VARCHAR(8) NOT NULL,
  downloader_id   BIGINT NOT NULL,
  downloaded_at   DATETIME NOT NULL,
  CONSTRAINT fk_evidence_download_file FOREIGN KEY (evidence_id) REFERENCES evidence_file (id),
  CONSTRAINT ck_evidence_downloader_kind CHECK (downloader_kind IN ('PARENT', 'STAFF')),
  INDEX ix_evidence_download_file (evidence_id, downloaded_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
