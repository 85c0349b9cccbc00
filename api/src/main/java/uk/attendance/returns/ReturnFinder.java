package uk.attendance.returns;

import uk.attendance.pupil.PupilRecord;
import uk.attendance.rules.returns.AnticipatedIllness;
import uk.attendance.rules.returns.AttendanceReturn;
import uk.attendance.rules.PupilFacts;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.SessionMark;
import uk.attendance.rules.returns.SicknessReturn;
import uk.attendance.rules.returns.SicknessTrigger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which returns a school's register shows are due in one academic year up to a date: attendance and sickness returns
 * from the rules core (rule book §4, conventions 8-10), new-pupil and deletion returns from the admission register.
 * Compulsory-school-age pupils only (convention 10).
 *
 * <p>"Outside standard transition times" (policy 002 §8, DfE guidance ¶199 and ¶205), this product's convention: an
 * admission into Reception, Year 7 or Year 12 dated on or before the first school day of the academic year, and a
 * Year 6, 11 or 13 pupil leaving on or after its last school day, are the standard transitions and need no return.
 * Every other admission or deletion does.
 */
final class ReturnFinder {
    static final Set<Integer> ENTRY_YEARS = Set.of(0, 7, 12);
    static final Set<Integer> LEAVING_YEARS = Set.of(6, 11, 13);
    static final int NEW_PUPIL_SCHOOL_DAYS = 5;

    private ReturnFinder() {
    }

    static List<FoundReturn> find(SchoolCalendar calendar, List<PupilRecord> pupils, Map<Long, List<SessionMark>> marks,
                                  Map<Long, List<AnticipatedIllness>> anticipated, LocalDate yearStart, LocalDate asOf) {
        List<FoundReturn> found = new ArrayList<>();
        LocalDate yearEnd = yearStart.plusYears(1).minusDays(1);
        LocalDate firstSchoolDay = calendar.nthSchoolDayAfter(yearStart.minusDays(1), 1)
                .filter(d -> !d.isAfter(yearEnd)).orElse(yearStart);
        for (PupilRecord pupil : pupils) {
            PupilFacts facts = new PupilFacts(pupil.dateOfBirth(), pupil.admissionDate(), Optional.ofNullable(pupil.leavingDate()));
            List<SessionMark> own = marks.getOrDefault(pupil.id(), List.of());
            List<AnticipatedIllness> reported = anticipated.getOrDefault(pupil.id(), List.of());
            if (!own.isEmpty()) {
                AttendanceReturn.evaluate(calendar, own, facts, yearStart, asOf).forEach(d -> found.add(new FoundReturn(
                        pupil.id(), ReturnKind.ATTENDANCE, d.firstDay(), d.lastDay(), d.dueOn(), Optional.empty(), Optional.empty())));
            }
            if (!own.isEmpty() || !reported.isEmpty()) {
                SicknessReturn.evaluate(calendar, own, facts, reported, yearStart, asOf).forEach(d -> found.add(new FoundReturn(
                        pupil.id(), ReturnKind.SICKNESS, d.periodStart(), d.periodEnd(), d.dueOn(), Optional.empty(),
                        Optional.of(trigger(d.trigger())))));
            }
            LocalDate admitted = pupil.admissionDate();
            if (within(admitted, yearStart, asOf) && facts.compulsorySchoolAge().includes(admitted)
                    && !(ENTRY_YEARS.contains(pupil.yearGroup()) && !admitted.isAfter(firstSchoolDay))) {
                LocalDate sendBy = calendar.nthSchoolDayAfter(admitted, NEW_PUPIL_SCHOOL_DAYS).orElse(admitted.plusDays(7));
                found.add(new FoundReturn(pupil.id(), ReturnKind.NEW_PUPIL, admitted, admitted, admitted,
                        Optional.of(sendBy), Optional.empty()));
            }
            LocalDate left = pupil.leavingDate();
            if (left != null && within(left, yearStart, asOf) && facts.compulsorySchoolAge().includes(left)
                    && !(LEAVING_YEARS.contains(pupil.yearGroup()) && lastSchoolDayOrAfter(calendar, left, yearEnd))) {
                found.add(new FoundReturn(pupil.id(), ReturnKind.DELETION, left, left, left, Optional.of(left), Optional.empty()));
            }
        }
        return found;
    }

    /** No school day of the academic year comes after the date. */
    private static boolean lastSchoolDayOrAfter(SchoolCalendar calendar, LocalDate date, LocalDate yearEnd) {
        return calendar.nthSchoolDayAfter(date, 1).map(next -> next.isAfter(yearEnd)).orElse(true);
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    static String trigger(SicknessTrigger trigger) {
        return switch (trigger) {
            case ANTICIPATED_15_DAYS -> "ANTICIPATED";
            case CONSECUTIVE_15_DAYS -> "CONSECUTIVE";
            case CUMULATIVE_15_DAYS -> "CUMULATIVE";
        };
    }
}
