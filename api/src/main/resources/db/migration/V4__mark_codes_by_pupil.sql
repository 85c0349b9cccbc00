-- Attendance figures read a pupil's codes over a date range: let the index answer without touching the rows.
CREATE INDEX ix_mark_pupil_codes ON mark (pupil_id, session_date, session, code);
-- A school's code counts over a range (the school figure beside a pupil's), likewise from the index alone.
CREATE INDEX ix_mark_school_codes ON mark (school_id, session_date, session, code);
