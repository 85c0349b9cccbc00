package uk.attendance.rules.followup;

import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.SessionMark;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;
import uk.attendance.rules.returns.AttendanceReturn;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * How many school days in a row a pupil has been absent, counting back from a day (the follow-up call list puts the
 * longest runs first). Only school days of the calendar count: weekends, holidays, half-terms, INSET and planned
 * closure days are skipped and do not break a run.
 * <p>
 * A school day is a day of absence when at least one of its planned sessions has a mark and every marked planned
 * session is an absence (authorised or unauthorised: {@code I} yesterday and {@code N} today make two days). A session
 * not yet marked (this afternoon, at 10:00) neither counts nor breaks the run; a school day with no mark at all ends
 * it (nothing is known about that day).
 */
public final class ConsecutiveAbsence {

    private ConsecutiveAbsence() {
    }

    /** The run of absent school days ending on {@code day} (0 when {@code day} is not a day of absence). */
    public static int schoolDaysEndingOn(SchoolCalendar calendar, Collection<SessionMark> marks, LocalDate day) {
        if (marks.isEmpty()) {
            return 0;
        }
        Map<Long, RegisterCode> bySession = AttendanceReturn.index(marks);
        LocalDate earliest = marks.stream().map(SessionMark::date).min(LocalDate::compareTo).orElseThrow();
        int run = 0;
        for (LocalDate d = day; !d.isBefore(earliest); d = d.minusDays(1)) {
            if (!calendar.isSchoolDay(d)) {
                continue;
            }
            if (!absentAllDay(calendar, bySession, d)) {
                break;
            }
            run++;
        }
        return run;
    }

    private static boolean absentAllDay(SchoolCalendar calendar, Map<Long, RegisterCode> bySession, LocalDate date) {
        boolean marked = false;
        for (Session session : Session.values()) {
            RegisterCode code = calendar.isSession(date, session)
                    ? bySession.get(SessionMark.sessionOrdinal(date, session)) : null;
            if (code == null) {
                continue;
            }
            if (!code.category().absent()) {
                return false;
            }
            marked = true;
        }
        return marked;
    }
}
