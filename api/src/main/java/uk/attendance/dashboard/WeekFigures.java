package uk.attendance.dashboard;

/**
 * One week's sessions of a school or trust (that week alone), and the persistent / severe absentees among the pupils
 * year to date at the end of that week.
 */
record WeekFigures(int week, long possible, long attended, long authorised, long unauthorised, long pupilsToDate,
                   long persistentToDate, long severeToDate) {
}
