package uk.attendance.rules;

import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/** One register entry: the code recorded for a pupil in one session. */
public record SessionMark(LocalDate date, Session session, RegisterCode code) {
    /** Chronological: by date, AM before PM. */
    public static final Comparator<SessionMark> CHRONOLOGICAL =
            Comparator.comparing(SessionMark::date).thenComparing(SessionMark::session);

    public SessionMark {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(code, "code");
        if (!code.allowedIn(session)) {
            throw new IllegalArgumentException("Code " + code.symbol() + " cannot be used in the " + session + " session");
        }
    }

    /** A number that orders sessions chronologically: two per day, AM first. */
    public long sessionOrdinal() {
        return sessionOrdinal(date, session);
    }

    public static long sessionOrdinal(LocalDate date, Session session) {
        return date.toEpochDay() * 2 + session.ordinal();
    }
}
