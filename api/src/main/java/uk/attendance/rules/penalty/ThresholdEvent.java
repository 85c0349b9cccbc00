package uk.attendance.rules.penalty;

import uk.attendance.rules.SessionMark;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.List;

/**
 * The penalty-notice threshold was reached at the session {@code date}/{@code session}: together with it,
 * the {@code sessions} (exactly ten, oldest first) lie within the ten school weeks starting on
 * {@code windowStart}. Reaching the threshold means a penalty notice must be considered, not issued.
 * {@code provisional} while any of those sessions is still N.
 */
public record ThresholdEvent(LocalDate date, Session session, LocalDate windowStart, List<SessionMark> sessions,
                             boolean provisional) {
    public ThresholdEvent {
        sessions = List.copyOf(sessions);
    }
}
