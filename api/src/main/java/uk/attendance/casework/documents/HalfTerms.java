package uk.attendance.casework.documents;

import uk.attendance.rules.calendar.ClosureKind;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Term;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The half-terms of a school calendar: each term split at its HALF_TERM closures ("Autumn 1", "Autumn 2"; a term with
 * none is one half-term named after it), each trimmed to its first and last school days. Oldest first.
 */
final class HalfTerms {
    private final List<HalfTerm> all;

    private HalfTerms(List<HalfTerm> all) {
        this.all = all;
    }

    static HalfTerms of(SchoolCalendar calendar) {
        List<HalfTerm> found = new ArrayList<>();
        for (Term term : calendar.terms()) {
            List<LocalDate[]> parts = new ArrayList<>();
            LocalDate start = term.start();
            for (var closure : calendar.closures().stream()
                    .filter(c -> c.kind() == ClosureKind.HALF_TERM && term.contains(c.start()))
                    .sorted(Comparator.comparing(c -> c.start())).toList()) {
                if (closure.start().isAfter(start)) {
                    parts.add(new LocalDate[]{start, closure.start().minusDays(1)});
                }
                start = closure.end().plusDays(1);
            }
            if (!start.isAfter(term.end())) {
                parts.add(new LocalDate[]{start, term.end()});
            }
            List<HalfTerm> ofTerm = new ArrayList<>();
            for (LocalDate[] part : parts) {
                trimmed(calendar, part[0], part[1]).ifPresent(ofTerm::add);
            }
            for (int i = 0; i < ofTerm.size(); i++) {
                HalfTerm h = ofTerm.get(i);
                found.add(new HalfTerm(ofTerm.size() == 1 ? term.name() : term.name() + " " + (i + 1), h.start(), h.end()));
            }
        }
        found.sort(Comparator.comparing(HalfTerm::start));
        return new HalfTerms(List.copyOf(found));
    }

    private static Optional<HalfTerm> trimmed(SchoolCalendar calendar, LocalDate from, LocalDate to) {
        LocalDate first = from;
        while (!first.isAfter(to) && !calendar.isSchoolDay(first)) {
            first = first.plusDays(1);
        }
        LocalDate last = to;
        while (!last.isBefore(first) && !calendar.isSchoolDay(last)) {
            last = last.minusDays(1);
        }
        return first.isAfter(last) ? Optional.empty() : Optional.of(new HalfTerm("", first, last));
    }

    List<HalfTerm> all() {
        return all;
    }

    /** The half-term whose first and last school days (or the days between) include the date. */
    Optional<HalfTerm> containing(LocalDate date) {
        return all.stream().filter(h -> h.contains(date)).findFirst();
    }

    /** The last half-term whose last school day is before {@code today}. */
    Optional<HalfTerm> lastEndedBefore(LocalDate today) {
        return all.stream().filter(h -> h.end().isBefore(today)).reduce((a, b) -> b);
    }

    Optional<HalfTerm> before(HalfTerm halfTerm) {
        return all.stream().filter(h -> h.end().isBefore(halfTerm.start())).reduce((a, b) -> b);
    }
}
