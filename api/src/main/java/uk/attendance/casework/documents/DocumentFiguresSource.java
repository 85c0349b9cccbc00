package uk.attendance.casework.documents;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.model.PenaltyNoticeStatusLevel;
import uk.attendance.overview.OverviewService;
import uk.attendance.overview.PenaltyExplanation;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.rules.AttendanceSummary;
import uk.attendance.rules.penalty.PenaltyThreshold;
import uk.attendance.rules.penalty.PenaltyThresholdStatus;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** A pupil's {@link DocumentFigures} for a range, from {@link OverviewService} (the parent's summary and penalty status). */
@Singleton
public class DocumentFiguresSource {
    private final OverviewService overview;
    private final PupilService pupils;
    private final SchoolService schools;

    DocumentFiguresSource(OverviewService overview, PupilService pupils, SchoolService schools) {
        this.overview = overview;
        this.pupils = pupils;
        this.schools = schools;
    }

    /**
     * The figures of {@code from}..{@code to} cut to the days the pupil was on roll, as the caller may see them (404
     * otherwise); the penalty status as of the last of those days. {@code to} must not be in the future.
     */
    public DocumentFigures of(Caller caller, long pupilId, LocalDate from, LocalDate to) {
        PupilRecord pupil = pupils.visibleTo(caller, pupilId);
        LocalDate start = from.isBefore(pupil.admissionDate()) ? pupil.admissionDate() : from;
        LocalDate end = Optional.ofNullable(pupil.leavingDate()).filter(to::isAfter).orElse(to);
        AttendanceSummary s = overview.summary(caller, pupilId, Optional.of(start), Optional.of(end)).summary();
        OverviewService.PupilPenalty p = overview.penalty(caller, pupilId, Optional.of(end));
        return new DocumentFigures(s.from(), s.to(), s.attendancePercent().orElse(null), s.possible(), s.absent(),
                s.daysMissed(), s.learningHoursLost(), s.persistentAbsence(), s.severeAbsence(), s.band().orElse(null),
                penalty(p));
    }

    /** For jobs acting for no one (the letters' daily proposals): the figures the pupil's school's staff would see. */
    public DocumentFigures ofPupil(long pupilId, LocalDate from, LocalDate to) {
        PupilRecord pupil = pupils.find(pupilId).orElseThrow(() -> new IllegalArgumentException("No pupil " + pupilId));
        SchoolRecord school = schools.find(pupil.schoolId()).orElseThrow();
        Caller schoolStaff = new Caller(Caller.Kind.STAFF, 0, school.trustId(), Optional.of(school.id()),
                Set.of(Roles.ATTENDANCE_OFFICER), "documents", "");
        return of(schoolStaff, pupilId, from, to);
    }

    /** The same level and headline as {@code GET /pupils/{pupilId}/attendance/penalty-notice}. */
    private static DocumentFigures.Penalty penalty(OverviewService.PupilPenalty p) {
        PenaltyThresholdStatus s = p.status();
        int used = PenaltyThreshold.THRESHOLD_SESSIONS - s.sessionsLeft();
        PenaltyNoticeStatusLevel level = p.applies() ? PenaltyExplanation.level(s.reached(), used) : PenaltyNoticeStatusLevel.NONE;
        String headline = p.applies() ? PenaltyExplanation.headline(level, used, s.sessionsLeft(), s.provisional())
                : PenaltyExplanation.notApplicable();
        return new DocumentFigures.Penalty(p.asOf(), p.applies(), DocumentFigures.Level.valueOf(level.name()), used,
                s.sessionsLeft(), s.provisional(), headline);
    }
}
