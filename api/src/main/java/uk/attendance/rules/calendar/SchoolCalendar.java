package uk.attendance.rules.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A school's terms and closures, resolved once into per-date arrays so that {@link #day},
 * {@link #isSession} and {@link #isSchoolDay} are O(1) and the school-day / school-week queries
 * are O(log n).
 *
 * <p>Rules: weekends and dates outside every term have no sessions (WEEKEND / HOLIDAY). Half-term,
 * bank-holiday, INSET and planned closures remove the sessions they cover; if one session of the day
 * survives the day stays a SCHOOL_DAY and its description names the half-day closure. An unexpected
 * closure keeps its sessions (the register is still kept, coded Y4) and gives kind UNEXPECTED_CLOSURE.
 * When several session-removing closures empty the same day, the day takes the kind that comes first
 * in HALF_TERM, BANK_HOLIDAY, PLANNED_CLOSURE, INSET order.
 */
public final class SchoolCalendar {
    private static final int AM = 1;
    private static final int PM = 2;
    private static final DayKind[] KINDS = DayKind.values();
    private static final List<ClosureKind> REMOVAL_PRIORITY =
            List.of(ClosureKind.HALF_TERM, ClosureKind.BANK_HOLIDAY, ClosureKind.PLANNED_CLOSURE, ClosureKind.INSET);

    private final List<Term> terms;
    private final List<Optional<String>> termNames;
    private final List<Closure> closures;

    // Resolved range: the Monday on/before the first term start to the Sunday on/after the last term end.
    private final long originEpochDay;
    private final int length;
    private final byte[] kind;
    private final byte[] sessionFlags;
    private final int[] termIndex;
    private final String[] description;

    private final long[] schoolDayEpochDays;
    private final int[] sessionsInWeek;
    private final int[] schoolWeekIndexes;

    public SchoolCalendar(List<Term> terms, List<Closure> closures) {
        this.terms = validatedTerms(terms);
        this.termNames = this.terms.stream().map(t -> Optional.of(t.name())).toList();
        this.closures = validatedClosures(closures);
        if (this.terms.isEmpty()) {
            originEpochDay = 0;
            length = 0;
        } else {
            LocalDate origin = this.terms.get(0).start().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalDate last = this.terms.get(this.terms.size() - 1).end().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            originEpochDay = origin.toEpochDay();
            length = Math.toIntExact(last.toEpochDay() - originEpochDay + 1);
        }
        kind = new byte[length];
        sessionFlags = new byte[length];
        termIndex = new int[length];
        description = new String[length];
        resolveDays();

        sessionsInWeek = new int[length / 7];
        long[] schoolDays = new long[length];
        int schoolDayCount = 0;
        for (int i = 0; i < length; i++) {
            int sessions = Integer.bitCount(sessionFlags[i]);
            sessionsInWeek[i / 7] += sessions;
            if (sessions > 0) {
                schoolDays[schoolDayCount++] = originEpochDay + i;
            }
        }
        schoolDayEpochDays = Arrays.copyOf(schoolDays, schoolDayCount);
        schoolWeekIndexes = IntStream.range(0, sessionsInWeek.length)
                .filter(w -> sessionsInWeek[w] > 0).toArray();
    }

    private static List<Term> validatedTerms(List<Term> terms) {
        List<Term> sorted = new ArrayList<>(terms);
        for (Term t : sorted) {
            if (t.start().isAfter(t.end())) {
                throw new IllegalArgumentException("Term '" + t.name() + "' starts on " + t.start()
                        + " after it ends on " + t.end());
            }
        }
        sorted.sort(Comparator.comparing(Term::start));
        for (int i = 1; i < sorted.size(); i++) {
            Term previous = sorted.get(i - 1);
            Term current = sorted.get(i);
            if (!current.start().isAfter(previous.end())) {
                throw new IllegalArgumentException("Terms '" + previous.name() + "' (" + previous.start() + " to "
                        + previous.end() + ") and '" + current.name() + "' (" + current.start() + " to "
                        + current.end() + ") overlap");
            }
        }
        return List.copyOf(sorted);
    }

    private static List<Closure> validatedClosures(List<Closure> closures) {
        for (Closure c : closures) {
            if (c.start().isAfter(c.end())) {
                throw new IllegalArgumentException("Closure '" + c.description() + "' (" + c.kind() + ") starts on "
                        + c.start() + " after it ends on " + c.end());
            }
        }
        return List.copyOf(closures);
    }

    private void resolveDays() {
        Arrays.fill(termIndex, -1);
        for (int t = 0; t < terms.size(); t++) {
            Term term = terms.get(t);
            int from = index(term.start());
            int to = index(term.end());
            for (int i = from; i <= to; i++) {
                termIndex[i] = t;
            }
        }
        List<List<Closure>> closuresByDay = new ArrayList<>(Collections.nCopies(length, null));
        for (Closure c : closures) {
            long from = Math.max(c.start().toEpochDay(), originEpochDay);
            long to = Math.min(c.end().toEpochDay(), originEpochDay + length - 1);
            for (long d = from; d <= to; d++) {
                int i = (int) (d - originEpochDay);
                if (closuresByDay.get(i) == null) {
                    closuresByDay.set(i, new ArrayList<>(2));
                }
                closuresByDay.get(i).add(c);
            }
        }
        for (int i = 0; i < length; i++) {
            resolveDay(i, closuresByDay.get(i) == null ? List.of() : closuresByDay.get(i));
        }
    }

    private void resolveDay(int i, List<Closure> dayClosures) {
        DayOfWeek dow = LocalDate.ofEpochDay(originEpochDay + i).getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
            kind[i] = (byte) DayKind.WEEKEND.ordinal();
            return;
        }
        if (termIndex[i] < 0) {
            kind[i] = (byte) DayKind.HOLIDAY.ordinal();
            return;
        }
        int flags = AM | PM;
        Closure unexpected = null;
        for (Closure c : dayClosures) {
            if (c.kind().removesSessions()) {
                if (c.sessions().covers(Session.AM)) flags &= ~AM;
                if (c.sessions().covers(Session.PM)) flags &= ~PM;
            } else if (unexpected == null) {
                unexpected = c;
            }
        }
        sessionFlags[i] = (byte) flags;
        if (flags == 0) {
            Closure decisive = dayClosures.stream()
                    .filter(c -> c.kind().removesSessions())
                    .min(Comparator.comparingInt(c -> REMOVAL_PRIORITY.indexOf(c.kind())))
                    .orElseThrow();
            kind[i] = (byte) DayKind.valueOf(decisive.kind().name()).ordinal();
            description[i] = decisive.description();
        } else if (unexpected != null) {
            kind[i] = (byte) DayKind.UNEXPECTED_CLOSURE.ordinal();
            description[i] = unexpected.description();
        } else {
            kind[i] = (byte) DayKind.SCHOOL_DAY.ordinal();
            if (flags != (AM | PM)) {
                Session closed = (flags & AM) == 0 ? Session.AM : Session.PM;
                Closure half = dayClosures.stream()
                        .filter(c -> c.kind().removesSessions() && c.sessions().covers(closed))
                        .findFirst().orElseThrow();
                description[i] = halfDayLabel(half.kind()) + " (" + closed + ")"
                        + (half.description().isBlank() ? "" : ": " + half.description());
            }
        }
    }

    private static String halfDayLabel(ClosureKind kind) {
        return switch (kind) {
            case INSET -> "Half-day INSET";
            case HALF_TERM -> "Half-day half-term closure";
            case BANK_HOLIDAY -> "Half-day bank holiday";
            case PLANNED_CLOSURE -> "Half-day planned closure";
            case UNEXPECTED_CLOSURE -> "Half-day unexpected closure";
        };
    }

    private int index(LocalDate date) {
        return (int) (date.toEpochDay() - originEpochDay);
    }

    private boolean inRange(LocalDate date) {
        long offset = date.toEpochDay() - originEpochDay;
        return offset >= 0 && offset < length;
    }

    public List<Term> terms() {
        return terms;
    }

    public List<Closure> closures() {
        return closures;
    }

    public CalendarDay day(LocalDate date) {
        if (!inRange(date)) {
            DayOfWeek dow = date.getDayOfWeek();
            boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
            return new CalendarDay(date, weekend ? DayKind.WEEKEND : DayKind.HOLIDAY, false, false,
                    Optional.empty(), Optional.empty());
        }
        int i = index(date);
        int t = termIndex[i];
        return new CalendarDay(date, KINDS[kind[i]], (sessionFlags[i] & AM) != 0, (sessionFlags[i] & PM) != 0,
                t < 0 ? Optional.empty() : termNames.get(t),
                Optional.ofNullable(description[i]));
    }

    public boolean isSession(LocalDate date, Session session) {
        return inRange(date) && (sessionFlags[index(date)] & (session == Session.AM ? AM : PM)) != 0;
    }

    /** At least one pupil session is planned on the date. */
    public boolean isSchoolDay(LocalDate date) {
        return inRange(date) && sessionFlags[index(date)] != 0;
    }

    /** The next {@code n} school days strictly after {@code date}; fewer if the calendar ends first. */
    public List<LocalDate> schoolDaysAfter(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        int from = firstSchoolDayIndexAfter(date);
        int to = (int) Math.min((long) from + n, schoolDayEpochDays.length);
        List<LocalDate> result = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            result.add(LocalDate.ofEpochDay(schoolDayEpochDays[i]));
        }
        return List.copyOf(result);
    }

    /** The n-th (1-based) school day strictly after {@code date}, if the calendar reaches that far. */
    public Optional<LocalDate> nthSchoolDayAfter(LocalDate date, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        long i = (long) firstSchoolDayIndexAfter(date) + n - 1;
        return i < schoolDayEpochDays.length ? Optional.of(LocalDate.ofEpochDay(schoolDayEpochDays[(int) i])) : Optional.empty();
    }

    private int firstSchoolDayIndexAfter(LocalDate date) {
        int pos = Arrays.binarySearch(schoolDayEpochDays, date.toEpochDay());
        return pos >= 0 ? pos + 1 : -pos - 1;
    }

    /** The Monday-to-Sunday week containing the date, with its number of planned pupil sessions. */
    public SchoolWeek weekContaining(LocalDate date) {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int sessions = inRange(monday) ? sessionsInWeek[index(monday) / 7] : 0;
        return new SchoolWeek(monday, monday.plusDays(6), sessions);
    }

    /**
     * Up to {@code count} school weeks, oldest first, ending with the week containing {@code date}.
     * Weeks without pupil sessions are skipped, so the result may span half-terms, holidays and school
     * years. If the week containing the date is not a school week, the result ends with the latest
     * school week before it. Fewer weeks are returned when the calendar starts later.
     */
    public List<SchoolWeek> schoolWeeksEndingWith(LocalDate date, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        if (length == 0 || count == 0) {
            return List.of();
        }
        long weekOffset = Math.floorDiv(date.toEpochDay() - originEpochDay, 7);
        int lastWeek = (int) Math.max(-1, Math.min(weekOffset, sessionsInWeek.length - 1));
        int pos = Arrays.binarySearch(schoolWeekIndexes, lastWeek);
        int end = pos >= 0 ? pos : -pos - 2; // index of the last school week at or before lastWeek
        if (end < 0) {
            return List.of();
        }
        int start = Math.max(0, end - count + 1);
        List<SchoolWeek> weeks = new ArrayList<>(end - start + 1);
        for (int k = start; k <= end; k++) {
            int w = schoolWeekIndexes[k];
            LocalDate monday = LocalDate.ofEpochDay(originEpochDay + 7L * w);
            weeks.add(new SchoolWeek(monday, monday.plusDays(6), sessionsInWeek[w]));
        }
        return List.copyOf(weeks);
    }

    /** Every date from {@code from} to {@code to}, both inclusive. */
    public List<CalendarDay> days(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        List<CalendarDay> result = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            result.add(day(d));
        }
        return List.copyOf(result);
    }
}
