package uk.attendance.overview;

import uk.attendance.platform.ApiProblem;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolYear;

import java.time.LocalDate;
import java.util.Optional;

/** The dates a pupil's figures cover: defaults and checks of {@code from}, {@code to} and {@code asOf}. */
record PupilPeriod(LocalDate from, LocalDate to) {

    /** This academic year to date by default; an explicit range must lie within the pupil's time on roll. */
    static PupilPeriod of(PupilRecord pupil, Optional<LocalDate> from, Optional<LocalDate> to, LocalDate today,
                          boolean futureAllowed) {
        LocalDate lastOnRoll = Optional.ofNullable(pupil.leavingDate()).orElse(LocalDate.MAX);
        if (from.isPresent() && from.get().isBefore(pupil.admissionDate())) {
            throw ApiProblem.invalid("from", "is before the pupil's admission date (" + pupil.admissionDate() + ")");
        }
        if (to.isPresent() && to.get().isAfter(lastOnRoll)) {
            throw ApiProblem.invalid("to", "is after the pupil's leaving date (" + pupil.leavingDate() + ")");
        }
        if (!futureAllowed && to.isPresent() && to.get().isAfter(today)) {
            throw ApiProblem.invalid("to", "is after today (" + today + ")");
        }
        LocalDate end = to.orElseGet(() -> min(today, lastOnRoll));
        LocalDate start = from.orElseGet(() -> max(SchoolYear.containing(end).firstDay(), pupil.admissionDate()));
        if (end.isBefore(start)) {
            if (to.isEmpty() && from.isEmpty()) {
                throw ApiProblem.invalid("from", "the pupil is not on roll yet (admission " + pupil.admissionDate() + ")");
            }
            throw ApiProblem.invalid(from.isPresent() ? "from" : "to", "from (" + start + ") must not be after to (" + end + ")");
        }
        if (start.plusDays(400).isBefore(end)) {
            throw ApiProblem.invalid("to", "the range may cover at most 400 days");
        }
        return new PupilPeriod(start, end);
    }

    /**
     * For the calendar: the month containing {@code to} (today by default), as a phone shows it; an explicit
     * {@code from} keeps its own start. Future days are allowed: they show the school calendar without codes.
     */
    static PupilPeriod month(PupilRecord pupil, Optional<LocalDate> from, Optional<LocalDate> to, LocalDate today) {
        if (from.isPresent() || to.isPresent()) {
            LocalDate anchor = to.or(() -> from).orElseThrow();
            return of(pupil, Optional.of(from.orElse(max(anchor.withDayOfMonth(1), pupil.admissionDate()))),
                    Optional.of(to.orElse(anchor.withDayOfMonth(anchor.lengthOfMonth()))), today, true);
        }
        LocalDate lastOnRoll = Optional.ofNullable(pupil.leavingDate()).orElse(LocalDate.MAX);
        LocalDate anchor = min(today, lastOnRoll);
        LocalDate start = max(anchor.withDayOfMonth(1), pupil.admissionDate());
        LocalDate end = min(anchor.withDayOfMonth(anchor.lengthOfMonth()), lastOnRoll);
        if (end.isBefore(start)) {
            throw ApiProblem.invalid("from", "the pupil is not on roll yet (admission " + pupil.admissionDate() + ")");
        }
        return new PupilPeriod(start, end);
    }

    /** A single date: today by default, never in the future, never before admission. */
    static LocalDate asOf(PupilRecord pupil, Optional<LocalDate> asOf, LocalDate today) {
        LocalDate date = asOf.orElseGet(() -> Optional.ofNullable(pupil.leavingDate()).filter(today::isAfter).orElse(today));
        if (date.isAfter(today)) {
            throw ApiProblem.invalid("asOf", "is after today (" + today + ")");
        }
        if (date.isBefore(pupil.admissionDate())) {
            throw ApiProblem.invalid("asOf", "is before the pupil's admission date (" + pupil.admissionDate() + ")");
        }
        return date;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
