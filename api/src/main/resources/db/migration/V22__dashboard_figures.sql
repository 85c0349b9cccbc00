-- Dashboards (issue 13): figures precomputed per school and academic year from mark_month, pupils and the calendar
-- (dashboard.DashboardFigures), so a school or trust dashboard sums a few thousand rows instead of counting marks.

-- One row per write of marks (register take/amend/import, N->O sweep, bulk loads): written in the mark's own
-- transaction through register.MarksWrittenListener, removed by the worker once it has recomputed that school's year.
-- Insert-only, so concurrent register writes never wait on each other here.
CREATE TABLE dashboard_stale (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  school_id   BIGINT NOT NULL,
  start_year  INT NOT NULL,
  INDEX ix_dashboard_stale_school (school_id, start_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- When a school's year was last recomputed (its figures exist, even when empty).
CREATE TABLE dashboard_computed (
  school_id   BIGINT NOT NULL,
  start_year  INT NOT NULL,
  computed_at DATETIME(3) NOT NULL,
  PRIMARY KEY (school_id, start_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The sessions of one week (Monday-based, week 1 = the week of 1 September) of the whole school.
CREATE TABLE dashboard_week (
  school_id    BIGINT NOT NULL,
  start_year   INT NOT NULL,
  week         INT NOT NULL,
  possible     INT NOT NULL,
  attended     INT NOT NULL,
  authorised   INT NOT NULL,
  unauthorised INT NOT NULL,
  PRIMARY KEY (school_id, start_year, week)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Year to date at the end of each week, per group of pupils (dimension ALL = the whole school): pupils with at
-- least one possible session, their sessions, and how many of them are persistently / severely absent over their own
-- year to date (per pupil, so these cannot be summed from weeks).
CREATE TABLE dashboard_group (
  start_year   INT NOT NULL,
  week         INT NOT NULL,
  school_id    BIGINT NOT NULL,
  dimension    VARCHAR(20) NOT NULL,
  value        VARCHAR(40) NOT NULL COLLATE utf8mb4_bin,
  pupils       INT NOT NULL,
  possible     INT NOT NULL,
  attended     INT NOT NULL,
  authorised   INT NOT NULL,
  unauthorised INT NOT NULL,
  persistent   INT NOT NULL,
  severe       INT NOT NULL,
  PRIMARY KEY (start_year, week, school_id, dimension, value),
  INDEX ix_dashboard_group_school (school_id, start_year, dimension, week)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The DfE's published national headline rates ("Pupil absence in schools in England", school census, state-funded
-- schools, pupils of compulsory school age 5-15), for comparison. Only figures read on the DfE's own release pages
-- are stored; a rate not verified there is NULL. published_on is NULL where the release date was not verified.
CREATE TABLE national_absence_rate (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  start_year          INT NOT NULL,
  period              VARCHAR(20) NOT NULL,
  phase               VARCHAR(20) NOT NULL,
  overall_absence     DECIMAL(4,1),
  authorised          DECIMAL(4,1),
  unauthorised        DECIMAL(4,1),
  persistent_absence  DECIMAL(4,1),
  severe_absence      DECIMAL(4,1),
  published_on        DATE,
  source_title        VARCHAR(200) NOT NULL,
  source_url          VARCHAR(300) NOT NULL,
  CONSTRAINT uq_national_rate UNIQUE (start_year, period, phase)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO national_absence_rate (start_year, period, phase, overall_absence, authorised, unauthorised,
                                   persistent_absence, severe_absence, published_on, source_title, source_url) VALUES
-- "The overall absence rate has decreased to 7.4% in 2022/23 from 7.6% in 2021/22."
(2022, 'FULL_YEAR', 'ALL', 7.4, NULL, NULL, NULL, NULL, NULL,
 'Pupil absence in schools in England, academic year 2022/23',
 'https://explore-education-statistics.service.gov.uk/find-statistics/pupil-absence-in-schools-in-england/2022-23'),
(2021, 'FULL_YEAR', 'ALL', 7.6, NULL, NULL, NULL, NULL, NULL,
 'Pupil absence in schools in England, academic year 2022/23 (the previous year as quoted there)',
 'https://explore-education-statistics.service.gov.uk/find-statistics/pupil-absence-in-schools-in-england/2022-23'),
-- "6.7% ... in Autumn term 2023/24, a decrease from 7.5% in Autumn 2022/23"; "Authorised absence has decreased from
-- 5.4% ... to 4.5% ... Unauthorised absence has increased slightly, from 2.1% to 2.2%"; primary 6.3% -> 5.3%,
-- secondary 8.8% -> 8.1%.
(2023, 'AUTUMN_TERM', 'ALL', 6.7, 4.5, 2.2, NULL, NULL, NULL,
 'Pupil absence in schools in England, autumn term 2023/24',
 'https://explore-education-statistics.service.gov.uk/find-statistics/pupil-absence-in-schools-in-england/2023-24-autumn-term'),
(2023, 'AUTUMN_TERM', 'PRIMARY', 5.3, NULL, NULL, NULL, NULL, NULL,
 'Pupil absence in schools in England, autumn term 2023/24',
 'https://explore-education-statistics.service.gov.uk/find-statistics/pupil-absence-in-schools-in-england/2023-24-autumn-term'),
(2023, 'AUTUMN_TERM', 'SECONDARY', 8.1, NULL, NULL, NULL, NULL, NULL,
 'Pupil absence in schools in England, autumn term 2023/24',
 'https://explore-education-statistics.service.gov.uk/find-statistics/pupil-absence-in-schools-in-england/2023-24-autumn-term'),
-- persistent absence 24.2%: "the Autumn 2022/23 census persistent absence rate of 24.2%" (Pupil attendance in schools,
-- 2024 week 6)
(2022, 'AUTUMN_TERM', 'ALL', 7.5, 5.4, 2.1, 24.2, NULL, NULL,
 'Pupil absence in schools in England, autumn term 2023/24 (the previous autumn as quoted there); persistent absence: Pupil attendance in schools, 2024 week 6',
 'https://explore-education-statistics.service.gov.uk/find-statistics/pupil-absence-in-schools-in-england/2023-24-autumn-term'),
(2022, 'AUTUMN_TERM', 'PRIMARY', 6.3, NULL, NULL, NULL, NULL, NULL,
 'Pupil absence in schools in England, autumn term 2023/24 (the previous autumn as quoted there)',
 'https://explore-education-statistics.service.gov.uk/find-statistics/pupil-absence-in-schools-in-england/2023-24-autumn-term'),
(2022, 'AUTUMN_TERM', 'SECONDARY', 8.8, NULL, NULL, NULL, NULL, NULL,
 'Pupil absence in schools in England, autumn term 2023/24 (the previous autumn as quoted there)',
 'https://explore-education-statistics.service.gov.uk/find-statistics/pupil-absence-in-schools-in-england/2023-24-autumn-term');
