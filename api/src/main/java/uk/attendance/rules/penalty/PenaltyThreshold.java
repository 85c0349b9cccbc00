package uk.attendance.rules.penalty;

import uk.attendance.rules.CompulsorySchoolAgePeriod;
import uk.attendance.rules.PupilFacts;
import uk.attendance.rules.PupilSessions;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.SessionMark;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.SchoolWeek;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * National framework threshold for penalty notices (rule book §3, convention 4): 10 sessions of
 * unauthorised absence (G, N, O, U as the register stands) within a rolling 10 school weeks.
 *
 * <p>Weeks run Monday to Sunday and a school week has at least one pupil session. For each counted session
 * S, in order (AM before PM), the window is the school week containing S plus the 9 school weeks before
 * it. The threshold is reached at the first S where the window holds 10 counted sessions up to and
 * including S. Those sessions are then consumed: the next event needs 10 new ones.
 *
 * <p>Only the pupil's sessions ({@link PupilSessions}: planned in the school calendar, pupil on roll) on which the
 * pupil was of compulsory school age, dated on or after 19 August 2024, count; marks after {@code asOf} are ignored.
 */
public final class PenaltyThreshold {
    public static final int THRESHOLD_SESSIONS = 10;
    public static final int WINDOW_SCHOOL_WEEKS = 10;
    public static final LocalDate FRAMEWORK_START = LocalDate.of(2024, 8, 19);

    private PenaltyThreshold() {
    }

    public static PenaltyThresholdStatus evaluate(SchoolCalendar calendar, Collection<SessionMark> marks,
                                                  PupilFacts pupil, LocalDate asOf) {
        CompulsorySchoolAgePeriod csa = pupil.compulsorySchoolAge();
        List<SessionMark> counted = marks.stream()
                .filter(m -> m.code().countsTowardsPenaltyThreshold())
                .filter(m -> !m.date().isBefore(FRAMEWORK_START) && !m.date().isAfter(asOf))
                .filter(new PupilSessions(calendar, pupil)::includes)
                .filter(m -> csa.includes(m.date()))
                .sorted(SessionMark.CHRONOLOGICAL)
                .toList();

        List<ThresholdEvent> events = new ArrayList<>();
        int lastConsumed = -1;
        int left = 0;
        for (int i = 0; i < counted.size(); i++) {
            SessionMark mark = counted.get(i);
            if (i > 0 && mark.sessionOrdinal() == counted.get(i - 1).sessionOrdinal()) {
                throw new IllegalArgumentException("More than one mark for " + mark.date() + " " + mark.session());
            }
            LocalDate windowStart = windowStart(calendar, mark.date());
            left = Math.max(left, lastConsumed + 1);
            while (counted.get(left).date().isBefore(windowStart)) {
                left++;
            }
            if (i - left + 1 >= THRESHOLD_SESSIONS) {
                List<SessionMark> sessions = counted.subList(left, i + 1);
                events.add(new ThresholdEvent(mark.date(), mark.session(), windowStart, sessions, anyN(sessions)));
                lastConsumed = i;
            }
        }

        List<SchoolWeek> window = calendar.schoolWeeksEndingWith(asOf, WINDOW_SCHOOL_WEEKS);
        List<CountedSession> inWindow = new ArrayList<>();
        int fresh = 0;
        if (!window.isEmpty()) {
            LocalDate start = window.get(0).monday();
            for (int i = 0; i < counted.size(); i++) {
                SessionMark m = counted.get(i);
                if (!m.date().isBefore(start)) {
                    boolean consumed = i <= lastConsumed;
                    inWindow.add(new CountedSession(m.date(), m.session(), m.code(), consumed));
                    fresh += consumed ? 0 : 1;
                }
            }
        }
        Optional<ThresholdEvent> reachedOn = events.isEmpty() || window.isEmpty() ? Optional.empty()
                : Optional.of(events.get(events.size() - 1))
                        .filter(e -> !e.date().isBefore(window.get(0).monday()));
        boolean provisional = inWindow.stream().anyMatch(c -> c.code() == RegisterCode.N);
        return new PenaltyThresholdStatus(asOf, window, inWindow, inWindow.size(), THRESHOLD_SESSIONS - fresh,
                reachedOn, provisional, events);
    }

    private static LocalDate windowStart(SchoolCalendar calendar, LocalDate date) {
        return calendar.schoolWeeksEndingWith(date, WINDOW_SCHOOL_WEEKS).get(0).monday();
    }

    private static boolean anyN(List<SessionMark> sessions) {
        return sessions.stream().anyMatch(m -> m.code() == RegisterCode.N);
    }
}
