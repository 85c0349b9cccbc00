package uk.attendance.rules.followup;

import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.SessionMark;
import uk.attendance.rules.calendar.CalendarDay;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;
import uk.attendance.rules.returns.AttendanceReturn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Home-visit task (rule book §4, convention 12): created on the 3rd consecutive school day of absence with
 * no notification from a parent. Days without planned sessions are skipped and do not break the run; one
 * task per run.
 */
public final class HomeVisit {
    public static final int SCHOOL_DAYS_WITHOUT_NOTIFICATION = 3;

    private HomeVisit() {
    }

    /**
     * The dates between {@code from} and {@code asOf} on which a home-visit task is due.
     *
     * @param absentWithoutNotification whether the pupil was absent all day with no parent notification
     */
    public static List<LocalDate> dueDates(SchoolCalendar calendar, LocalDate from, LocalDate asOf,
                                           Predicate<LocalDate> absentWithoutNotification) {
        List<LocalDate> due = new ArrayList<>();
        int run = 0;
        for (CalendarDay day : calendar.days(from, asOf)) {
            if (!day.isSchoolDay()) {
                continue;
            }
            run = absentWithoutNotification.test(day.date()) ? run + 1 : 0;
            if (run == SCHOOL_DAYS_WITHOUT_NOTIFICATION) {
                due.add(day.date());
            }
        }
        return List.copyOf(due);
    }

    /**
     * Reads "absent with no notification" from the register: at least one planned session of the day is N
     * and every other recorded one is N too. A session not yet taken (e.g. the afternoon, when the morning
     * register is N) does not prevent the task being raised that day.
     */
    public static Predicate<LocalDate> unexplainedInRegister(SchoolCalendar calendar, Collection<SessionMark> marks) {
        Map<Long, RegisterCode> bySession = AttendanceReturn.index(marks);
        return date -> {
            boolean anyN = false;
            for (Session session : Session.values()) {
                RegisterCode code = calendar.isSession(date, session)
                        ? bySession.get(SessionMark.sessionOrdinal(date, session)) : null;
                if (code != null && code != RegisterCode.N) {
                    return false;
                }
                anyN |= code == RegisterCode.N;
            }
            return anyN;
        };
    }
}
