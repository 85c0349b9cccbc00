-- Issue 13, the pupil's lifecycle: one audit row per change of a pupil, their address, a contact link or a staff
-- account (who, when, before and after), written in the same transaction as the change. The rows hold personal data
-- (before/after values): only the DSL, headteacher and trust admins read them (GET /pupils/{id}/audit,
-- GET /staff/{id}/audit), and they are never logged. Every instance also reads the newest rows each second to drop
-- what it keeps in memory about the changed pupil (audit.ChangeFeed).
CREATE TABLE audit_event (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  trust_id    BIGINT NOT NULL,
  school_id   BIGINT,
  entity_type VARCHAR(20) NOT NULL,
  entity_id   BIGINT NOT NULL,
  pupil_id    BIGINT,
  action      VARCHAR(40) NOT NULL,
  changes     LONGTEXT NOT NULL,
  actor_kind  VARCHAR(10) NOT NULL,
  actor_id    BIGINT,
  actor_name  VARCHAR(200) NOT NULL,
  at          DATETIME NOT NULL,
  INDEX ix_audit_pupil (pupil_id, id),
  INDEX ix_audit_entity (entity_type, entity_id, id),
  INDEX ix_audit_school (school_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
