-- Failed staff password sign-ins, counted to slow down password guessing (per account and per client address).
CREATE TABLE staff_sign_in_failure (
  id        BIGINT AUTO_INCREMENT PRIMARY KEY,
  email     VARCHAR(254) NOT NULL,
  client    VARCHAR(64) NOT NULL,
  failed_at DATETIME NOT NULL,
  INDEX ix_failure_email (email, failed_at),
  INDEX ix_failure_client (client, failed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
