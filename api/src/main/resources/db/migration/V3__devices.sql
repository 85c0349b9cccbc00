-- Phones and browsers that receive push notifications. An FCM token can be ~4 KB, longer than an index key
-- may be, so uniqueness rides on its SHA-256 (hex).
CREATE TABLE device (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  owner_kind   VARCHAR(8) NOT NULL,
  owner_id     BIGINT NOT NULL,
  token        VARCHAR(4096) NOT NULL,
  token_hash   CHAR(64) NOT NULL,
  platform     VARCHAR(8) NOT NULL,
  label        VARCHAR(100),
  created_at   DATETIME NOT NULL,
  last_seen_at DATETIME NOT NULL,
  CONSTRAINT uq_device_token UNIQUE (token_hash),
  CONSTRAINT ck_device_owner_kind CHECK (owner_kind IN ('PARENT', 'STAFF')),
  CONSTRAINT ck_device_platform CHECK (platform IN ('ANDROID', 'IOS', 'WEB')),
  INDEX ix_device_owner (owner_kind, owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Pushes written down instead of sent when no Firebase credentials are configured (local runs)
CREATE TABLE dev_push (
  id        BIGINT AUTO_INCREMENT PRIMARY KEY,
  device_id BIGINT NOT NULL,
  title     VARCHAR(200) NOT NULL,
  body      VARCHAR(1000) NOT NULL,
  data      VARCHAR(4000) NOT NULL,
  sent_at   DATETIME NOT NULL,
  INDEX ix_dev_push_device (device_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
