package uk.attendance.rules.followup;

import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.SessionMark;
import uk.attendance.rules.calendar.SchoolCalendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The N holding code must be replaced within 5 school days of the session; if the reason is still not
 * established it becomes O (rule book §4, convention 5). The deadline day D5 is the 5th school day after
 * the session's date, counting only days with at least one planned pupil session (weekends, holidays,
 * half-terms, INSET and planned closure days do not count; a half-day or an unexpected-closure day does).
 * N may be replaced until the end of D5; from the next day on the system amends it to O.
 */
public final class HoldingCodeDeadline {
    public static final int SCHOOL_DAYS_ALLOWED = 5;

    private HoldingCodeDeadline() {
    }

    /** D5, the last day on which N may still be replaced; empty if the calendar does not reach that far. */
    public static Optional<LocalDate> deadline(SchoolCalendar calendar, LocalDate sessionDate) {
        return calendar.nthSchoolDayAfter(sessionDate, SCHOOL_DAYS_ALLOWED);
    }

    /** True when the mark is N and D5 has ended before {@code today}. */
    public static boolean isOverdue(SchoolCalendar calendar, SessionMark mark, LocalDate today) {
        return mark.code() == RegisterCode.N
                && deadline(calendar, mark.date()).map(today::isAfter).orElse(false);
    }

    /** The N marks that must now be amended to O, oldest first. */
    public static List<SessionMark> dueForConversion(SchoolCalendar calendar, Collection<SessionMark> marks, LocalDate today) {
        return marks.stream()
                .filter(m -> isOverdue(calendar, m, today))
                .sorted(SessionMark.CHRONOLOGICAL)
                .toList();
    }
}
