package uk.attendance.rules.penalty;

import uk.attendance.rules.calendar.SchoolWeek;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The penalty-notice threshold as the register stands on {@code asOf}.
 *
 * @param window         the school week containing asOf and the nine school weeks before it, oldest first
 *                       (if asOf is in a holiday, the ten school weeks before it)
 * @param countedSessions every G/N/O/U session in the window up to asOf, oldest first
 * @param count          countedSessions.size()
 * @param sessionsLeft   new counted sessions still needed, within a rolling window, for the next threshold event
 * @param reachedOn      the latest threshold event, if it happened at a session inside the current window
 * @param provisional    any counted session in the window is still N
 * @param events         every threshold event up to asOf, oldest first
 */
public record PenaltyThresholdStatus(LocalDate asOf, List<SchoolWeek> window, List<CountedSession> countedSessions,
                                     int count, int sessionsLeft, Optional<ThresholdEvent> reachedOn,
                                     boolean provisional, List<ThresholdEvent> events) {
    public PenaltyThresholdStatus {
        window = List.copyOf(window);
        countedSessions = List.copyOf(countedSessions);
        events = List.copyOf(events);
    }

    public boolean reached() {
        return reachedOn.isPresent();
    }
}
