package uk.attendance.casework.letters;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import uk.attendance.overview.OverviewService;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.rules.AttendanceSummary;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Term;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

/**
 * Where a pupil stands for the graduated response, read from the same service as the parent's summary
 * ({@link OverviewService}): this academic year to date, and the U sessions of the current term.
 */
@Singleton
class PupilStanding {
    private final OverviewService overview;

    PupilStanding(OverviewService overview) {
        this.overview = overview;
    }

    record Standing(PupilRecord pupil, AttendanceSummary year, int uLateThisTerm) {
    }

    /** The figures a letter keeps: as the parent's summary and penalty status show them on {@code asOf}. */
    record Figures(LocalDate asOf, @Nullable BigDecimal attendancePercent, int possible, int missed,
                   BigDecimal learningHoursLost, @Nullable String band, String penaltyStatus, int uLateSessions) {
    }

    Standing of(PupilRecord pupil, SchoolCalendar calendar, LocalDate today) {
        AttendanceSummary year = overview.summaryOf(pupil, Optional.empty(), Optional.empty()).summary();
        int uLate = currentTermStart(calendar, today)
                .map(start -> start.isBefore(pupil.admissionDate()) ? pupil.admissionDate() : start)
                .filter(start -> !start.isAfter(today))
                .map(start -> overview.summaryOf(pupil, Optional.of(start), Optional.of(today)).summary().count(RegisterCode.U))
                .orElse(0);
        return new Standing(pupil, year, uLate);
    }

    Figures figures(Standing standing, LocalDate today) {
        AttendanceSummary s = standing.year();
        String penalty = OverviewService.penaltyHeadline(overview.penaltyOf(standing.pupil(), Optional.empty()));
        return new Figures(today, s.attendancePercent().orElse(null), s.possible(), s.absent(), s.learningHoursLost(),
                s.band().map(b -> b.label()).orElse(null), penalty, standing.uLateThisTerm());
    }

    /** The term under way on {@code today}, or the last one that started before it (in a holiday). */
    private static Optional<LocalDate> currentTermStart(SchoolCalendar calendar, LocalDate today) {
        return calendar.terms().stream()
                .map(Term::start)
                .filter(start -> !start.isAfter(today))
                .max(Comparator.naturalOrder());
    }
}
