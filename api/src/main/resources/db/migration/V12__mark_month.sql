-- A pupil's sessions by month and code, kept by the register in the same transaction as the marks (MarkMonths):
-- bit (day - 1) * 2 + (0 for AM, 1 for PM) of `sessions` is set when that session's mark has that code. A parent's
-- summary, calendar and penalty status read a few of these rows (a month or a year of a pupil) instead of counting
-- hundreds of marks. Bits are only ever set and cleared, so concurrent writers cannot lose each other's changes.
CREATE TABLE mark_month (
  pupil_id  BIGINT NOT NULL,
  month     DATE NOT NULL,
  code      VARCHAR(3) NOT NULL COLLATE utf8mb4_bin,
  sessions  BIGINT NOT NULL,
  PRIMARY KEY (pupil_id, month, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO mark_month (pupil_id, month, code, sessions)
SELECT pupil_id, DATE_FORMAT(session_date, '%Y-%m-01'), code,
       BIT_OR(1 << ((DAYOFMONTH(session_date) - 1) * 2 + (session = 'PM')))
FROM mark
GROUP BY pupil_id, DATE_FORMAT(session_date, '%Y-%m-01'), code;
