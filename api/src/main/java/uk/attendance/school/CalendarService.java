package uk.attendance.school;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.attendance.contract.model.AcademicYear;
import uk.attendance.contract.model.AcademicYearInput;
import uk.attendance.contract.model.Closure;
import uk.attendance.contract.model.Term;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.ApiProblem.FieldProblem;
import uk.attendance.rules.calendar.ClosureKind;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.SessionScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A school's calendar: stored per academic year, answered by the rules core's {@link SchoolCalendar}.
 * Built calendars are kept for a minute (every attendance figure needs one); a change made on this instance
 * is seen at once, one made on another instance within the minute.
 */
@Singleton
public class CalendarService {
    private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    private final TermRepository terms;
    private final ClosureRepository closures;
    private final MarksOnCalendar marks;
    private final java.util.Map<Long, CachedCalendar> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedCalendar(SchoolCalendar calendar, long loadedAt) {
    }

    CalendarService(TermRepository terms, ClosureRepository closures, MarksOnCalendar marks) {
        this.terms = terms;
        this.closures = closures;
        this.marks = marks;
    }

    /** Every year the school has entered, as one calendar (school weeks span terms and years). */
    public SchoolCalendar calendarOf(long schoolId) {
        long now = System.nanoTime();
        CachedCalendar cached = cache.get(schoolId);
        if (cached != null && now - cached.loadedAt() < CACHE_NANOS) {
            return cached.calendar();
        }
        SchoolCalendar calendar = load(schoolId);
        cache.put(schoolId, new CachedCalendar(calendar, now));
        return calendar;
    }

    private SchoolCalendar load(long schoolId) {
        return build(terms.findBySchoolIdOrderByStartDate(schoolId), closures.findBySchoolIdOrderByStartDate(schoolId));
    }

    public Optional<AcademicYear> year(long schoolId, SchoolYear year) {
        List<TermRecord> yearTerms = terms.findBySchoolIdAndAcademicYearOrderByStartDate(schoolId, year.label());
        if (yearTerms.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toContract(year, yearTerms,
                closures.findBySchoolIdAndAcademicYearOrderByStartDate(schoolId, year.label())));
    }

    /**
     * Replaces the year's terms and closures, all or nothing.
     *
     * @throws SessionsHoldMarks when the register holds marks the new calendar would orphan (nothing is stored)
     */
    @Transactional
    public AcademicYear replaceYear(long schoolId, SchoolYear year, AcademicYearInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Term> inTerms = input.getTerms();
        for (int i = 0; i < inTerms.size(); i++) {
            Term t = inTerms.get(i);
            if (t.getEndDate().isBefore(t.getStartDate())) {
                problems.add(new FieldProblem("terms[" + i + "].endDate", "ends before it starts", i));
            }
            if (!year.includes(t.getStartDate()) || !year.includes(t.getEndDate())) {
                problems.add(new FieldProblem("terms[" + i + "]", "must lie within " + year.firstDay() + " to " + year.lastDay(), i));
            }
        }
        List<Closure> inClosures = Optional.ofNullable(input.getClosures()).orElse(List.of());
        for (int i = 0; i < inClosures.size(); i++) {
            Closure c = inClosures.get(i);
            if (c.getEndDate().isBefore(c.getStartDate())) {
                problems.add(new FieldProblem("closures[" + i + "].endDate", "ends before it starts", i));
            } else if (inTerms.stream().noneMatch(t -> !c.getStartDate().isBefore(t.getStartDate()) && !c.getEndDate().isAfter(t.getEndDate()))) {
                problems.add(new FieldProblem("closures[" + i + "]", "must lie within one term", i));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        List<TermRecord> termRows = inTerms.stream()
                .map(t -> new TermRecord(null, schoolId, year.label(), t.getName().strip(), t.getStartDate(), t.getEndDate()))
                .toList();
        List<ClosureRecord> closureRows = inClosures.stream()
                .map(c -> new ClosureRecord(null, schoolId, year.label(), c.getStartDate(), c.getEndDate(),
                        c.getKind().getValue(), c.getSessions().getValue(), c.getDescription()))
                .toList();
        try {
            build(termRows, closureRows);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("terms", e.getMessage());
        }
        SchoolCalendar current = load(schoolId);
        terms.deleteBySchoolIdAndAcademicYear(schoolId, year.label());
        closures.deleteBySchoolIdAndAcademicYear(schoolId, year.label());
        terms.saveAll(termRows);
        closures.saveAll(closureRows);
        cache.remove(schoolId);
        // Terms of other years must not overlap the new ones.
        SchoolCalendar proposed;
        try {
            proposed = load(schoolId);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("terms", e.getMessage());
        }
        // Throwing rolls the transaction back: nothing stored changes.
        List<MarksOnCalendar.MarkedDay> orphaned = marks.orphanedBy(schoolId, current, proposed, year.firstDay(), year.lastDay());
        if (!orphaned.isEmpty()) {
            throw new SessionsHoldMarks(year.label(), orphaned);
        }
        return toContract(year, termRows, closureRows);
    }

    private static AcademicYear toContract(SchoolYear year, List<TermRecord> termRows, List<ClosureRecord> closureRows) {
        SchoolCalendar calendar = build(termRows, closureRows);
        int sessions = calendar.days(year.firstDay(), year.lastDay()).stream()
                .mapToInt(d -> (d.amSession() ? 1 : 0) + (d.pmSession() ? 1 : 0))
                .sum();
        return new AcademicYear(year.label(),
                termRows.stream().map(t -> new Term(t.name(), t.startDate(), t.endDate())).toList(),
                closureRows.stream().map(c -> new Closure(c.startDate(), c.endDate(),
                                uk.attendance.contract.model.ClosureKind.fromValue(c.kind()),
                                uk.attendance.contract.model.SessionScope.fromValue(c.sessions()))
                        .description(c.description()))
                        .toList(),
                sessions);
    }

    private static SchoolCalendar build(List<TermRecord> termRows, List<ClosureRecord> closureRows) {
        return new SchoolCalendar(
                termRows.stream().map(t -> new uk.attendance.rules.calendar.Term(t.name(), t.startDate(), t.endDate())).toList(),
                closureRows.stream().map(c -> new uk.attendance.rules.calendar.Closure(c.startDate(), c.endDate(),
                        ClosureKind.valueOf(c.kind()), SessionScope.valueOf(c.sessions()),
                        Optional.ofNullable(c.description()).orElse(""))).toList());
    }
}
