package uk.attendance.rules.returns;

import uk.attendance.rules.PupilFacts;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.SessionMark;
import uk.attendance.rules.calendar.CalendarDay;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Attendance return to the local authority (rule book §4, convention 8): a pupil of compulsory school age
 * absent for a continuous period of 10 school days with unauthorised codes G, N, O or U.
 *
 * <p>A day belongs to a run when every session planned on it (both, or the one left on a half-day) is
 * coded G, N, O or U. Days without planned sessions (weekends, holidays, closures) are skipped and do not
 * break a run; any other code, a missing mark, or a day the pupil is not on roll and of compulsory school
 * age, breaks it. One return per run, due on its 10th day.
 */
public final class AttendanceReturn {
    public static final int CONTINUOUS_SCHOOL_DAYS = 10;

    private AttendanceReturn() {
    }

    public static List<AttendanceReturnDue> evaluate(SchoolCalendar calendar, Collection<SessionMark> marks,
                                                     PupilFacts pupil, LocalDate from, LocalDate asOf) {
        Map<Long, RegisterCode> bySession = index(marks);
        List<AttendanceReturnDue> due = new ArrayList<>();
        RunTracker run = new RunTracker();
        for (CalendarDay day : calendar.days(from, asOf)) {
            if (!day.isSchoolDay()) {
                continue;
            }
            boolean counts = pupil.onRollAndOfCompulsorySchoolAge(day.date())
                    && everyPlannedSession(day, bySession, RegisterCode::countsTowardsPenaltyThreshold);
            if (counts) {
                run.extend(day.date());
            } else {
                run.finish(due);
            }
        }
        run.finish(due);
        return List.copyOf(due);
    }

    public static Map<Long, RegisterCode> index(Collection<SessionMark> marks) {
        Map<Long, RegisterCode> bySession = new HashMap<>();
        for (SessionMark m : marks) {
            if (bySession.put(m.sessionOrdinal(), m.code()) != null) {
                throw new IllegalArgumentException("More than one mark for " + m.date() + " " + m.session());
            }
        }
        return bySession;
    }

    static boolean everyPlannedSession(CalendarDay day, Map<Long, RegisterCode> bySession,
                                       Predicate<RegisterCode> test) {
        for (Session s : Session.values()) {
            if (day.hasSession(s)) {
                RegisterCode code = bySession.get(SessionMark.sessionOrdinal(day.date(), s));
                if (code == null || !test.test(code)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static final class RunTracker {
        private LocalDate first;
        private LocalDate last;
        private LocalDate tenth;
        private int days;

        void extend(LocalDate date) {
            if (days == 0) {
                first = date;
            }
            days++;
            last = date;
            if (days == CONTINUOUS_SCHOOL_DAYS) {
                tenth = date;
            }
        }

        void finish(List<AttendanceReturnDue> due) {
            Optional.ofNullable(tenth).ifPresent(t -> due.add(new AttendanceReturnDue(first, t, last, days)));
            first = null;
            last = null;
            tenth = null;
            days = 0;
        }
    }
}
