package uk.attendance.register;

import jakarta.inject.Singleton;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;
import uk.attendance.school.MarksOnCalendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The register's answer to a calendar change: which of its marks the new calendar would orphan, by the register's own
 * acceptance rule ({@link MarkChecks#session}): a mark the current calendar accepts and the new one would refuse. Marks
 * the current calendar already refuses (written behind the API) do not block a change; no view counts them.
 */
@Singleton
class CalendarChangeCheck implements MarksOnCalendar {
    /** Every code but {@code #} follows the same calendar rule; N stands for them (and for unknown codes). */
    private static final RegisterCode ANY_OTHER = RegisterCode.N;

    private final MarkRepository marks;

    CalendarChangeCheck(MarkRepository marks) {
        this.marks = marks;
    }

    @Override
    public List<MarkedDay> orphanedBy(long schoolId, SchoolCalendar current, SchoolCalendar proposed, LocalDate from,
                                      LocalDate to) {
        List<LocalDate> changed = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            if (mayOrphan(current, proposed, date)) {
                changed.add(date);
            }
        }
        if (changed.isEmpty()) {
            return List.of();
        }
        Map<LocalDate, Set<Session>> sessions = new TreeMap<>();
        Map<LocalDate, Integer> counts = new TreeMap<>();
        for (SessionCodeCount c : marks.countBySessionAndCode(schoolId, changed)) {
            RegisterCode code = RegisterCode.fromSymbol(c.code()).orElse(ANY_OTHER);
            if (accepts(current, c.sessionDate(), c.session(), code) && !accepts(proposed, c.sessionDate(), c.session(), code)) {
                sessions.computeIfAbsent(c.sessionDate(), d -> EnumSet.noneOf(Session.class)).add(c.session());
                counts.merge(c.sessionDate(), Math.toIntExact(c.marks()), Integer::sum);
            }
        }
        return sessions.entrySet().stream()
                .map(e -> new MarkedDay(e.getKey(), List.copyOf(e.getValue()), counts.get(e.getKey())))
                .toList();
    }

    /** Whether any mark of the date could be accepted by one calendar and refused by the other. */
    private static boolean mayOrphan(SchoolCalendar current, SchoolCalendar proposed, LocalDate date) {
        for (Session session : Session.values()) {
            for (RegisterCode code : List.of(ANY_OTHER, MarkChecks.PLANNED_CLOSURE)) {
                if (accepts(current, date, session, code) != accepts(proposed, date, session, code)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean accepts(SchoolCalendar calendar, LocalDate date, Session session, RegisterCode code) {
        return MarkChecks.session(calendar, date, session, code, "date", "code", null, new ArrayList<>());
    }
}
