package uk.attendance.patterns;

import uk.attendance.register.MarkMonth;
import uk.attendance.rules.Category;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.Session;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Sessions counted by weekday (Monday to Friday) and session, as the rule book counts them (section 2): possible =
 * present, approved educational activity, authorised and unauthorised absence; absent = authorised + unauthorised
 * ({@code U} included); not-possible and administrative codes count nowhere. {@code L} and {@code U} are also counted
 * apart (section 2: reported separately). Fed from month rows (a bit a session: {@code (day - 1) * 2}, plus one for
 * the afternoon).
 */
public final class SessionTally {
    private static final int DAYS = 5;

    private final long[][] possible = new long[DAYS][2];
    private final long[][] authorised = new long[DAYS][2];
    private final long[][] unauthorised = new long[DAYS][2];
    private long late;
    private long lateAfterClose;

    public SessionTally add(MarkMonth row) {
        return add(row.month(), row.code(), row.sessions());
    }

    /** Every session of {@code sessions} (bits of the month starting {@code month}) recorded with {@code code}. */
    public SessionTally add(LocalDate month, RegisterCode code, long sessions) {
        Category category = code.category();
        if (!category.possible()) {
            return this;
        }
        long bits = sessions;
        while (bits != 0) {
            int position = Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            DayOfWeek day = month.plusDays(position / 2).getDayOfWeek();
            if (day.getValue() > DAYS) {
                continue; // calendars have no weekend sessions; a pupil's sessions never include one
            }
            int d = day.getValue() - 1;
            int s = position % 2;
            possible[d][s]++;
            if (category == Category.AUTHORISED) {
                authorised[d][s]++;
            } else if (category == Category.UNAUTHORISED) {
                unauthorised[d][s]++;
            }
            if (code == RegisterCode.L) {
                late++;
            } else if (code == RegisterCode.U) {
                lateAfterClose++;
            }
        }
        return this;
    }

    /** Adds another tally's counts (a school's from its pupils'). */
    public SessionTally add(SessionTally other) {
        for (int d = 0; d < DAYS; d++) {
            for (int s = 0; s < 2; s++) {
                possible[d][s] += other.possible[d][s];
                authorised[d][s] += other.authorised[d][s];
                unauthorised[d][s] += other.unauthorised[d][s];
            }
        }
        late += other.late;
        lateAfterClose += other.lateAfterClose;
        return this;
    }

    public Counts of(DayOfWeek day, Session session) {
        int d = index(day);
        int s = session.ordinal();
        return new Counts(possible[d][s], authorised[d][s], unauthorised[d][s]);
    }

    public Counts of(DayOfWeek day) {
        return of(day, Session.AM).plus(of(day, Session.PM));
    }

    public Counts of(Session session) {
        Counts total = Counts.NONE;
        for (DayOfWeek day : weekdays()) {
            total = total.plus(of(day, session));
        }
        return total;
    }

    public Counts total() {
        return of(Session.AM).plus(of(Session.PM));
    }

    /** Mondays and Fridays together. */
    public Counts mondaysAndFridays() {
        return of(DayOfWeek.MONDAY).plus(of(DayOfWeek.FRIDAY));
    }

    /** {@code L} sessions: late before the register closed (present). */
    public long late() {
        return late;
    }

    /** {@code U} sessions: late after the register closed (unauthorised absence). */
    public long lateAfterClose() {
        return lateAfterClose;
    }

    public static java.util.List<DayOfWeek> weekdays() {
        return java.util.List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    }

    private static int index(DayOfWeek day) {
        if (day.getValue() > DAYS) {
            throw new IllegalArgumentException("Not a weekday: " + day);
        }
        return day.getValue() - 1;
    }

    /** Possible sessions and the absences among them. */
    public record Counts(long possible, long authorised, long unauthorised) {
        static final Counts NONE = new Counts(0, 0, 0);

        public long absent() {
            return authorised + unauthorised;
        }

        public long attended() {
            return possible - absent();
        }

        Counts plus(Counts other) {
            return new Counts(possible + other.possible, authorised + other.authorised, unauthorised + other.unauthorised);
        }

        /** Rule book section 2, exact: possible > 0 and 10 × absent ≥ possible (so exactly 90.0 % attendance is PA). */
        public boolean persistentAbsence() {
            return possible > 0 && 10 * absent() >= possible;
        }
    }
}
