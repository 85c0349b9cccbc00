package uk.attendance.rules.calendar;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One date of a school calendar. {@code amSession}/{@code pmSession} mean a pupil session is planned,
 * i.e. a register is taken for it.
 */
public record CalendarDay(LocalDate date, DayKind kind, boolean amSession, boolean pmSession,
                          Optional<String> term, Optional<String> description) {
    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(description, "description");
    }

    public boolean hasSession(Session session) {
        return session == Session.AM ? amSession : pmSession;
    }

    public int sessions() {
        return (amSession ? 1 : 0) + (pmSession ? 1 : 0);
    }

    /** At least one pupil session. */
    public boolean isSchoolDay() {
        return amSession || pmSession;
    }
}
