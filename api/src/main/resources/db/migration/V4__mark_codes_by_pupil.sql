-- Attendance figures read a pupil's codes over a date range: let the index answer without touching the rows.
CREATE INDEX ix_mark_pupil_codes ON mark (pupil_id, session_date, session, code);
