package uk.attendance.absence;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.contract.model.AbsenceReportEventAction;
import uk.attendance.platform.ApiProblem;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.register.Author;
import uk.attendance.register.MarkRecord;
import uk.attendance.register.RegisterService;
import uk.attendance.rules.RegisterCode;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every change to a report needs: the report as the caller may see it, its sessions, the register's marks,
 * the history, and the register amended through {@link RegisterService} only.
 */
@Singleton
class AbsenceReportBook {
    static final String PARENT_POSITION = "parent/carer";

    private final AbsenceReportRepository reports;
    private final AbsenceReportSessionRepository sessions;
    private final AbsenceReportEventRepository events;
    private final PupilService pupils;
    private final SchoolService schools;
    private final RegisterService register;
    private final Clock clock;

    AbsenceReportBook(AbsenceReportRepository reports, AbsenceReportSessionRepository sessions,
                      AbsenceReportEventRepository events, PupilService pupils, SchoolService schools,
                      RegisterService register, Clock clock) {
        this.reports = reports;
        this.sessions = sessions;
        this.events = events;
        this.pupils = pupils;
        this.schools = schools;
        this.register = register;
        this.clock = clock;
    }

    /** The report when the caller is of the child's family or on the staff of the child's school; otherwise 404. */
    AbsenceReportRecord visible(Caller caller, long reportId) {
        return reports.findById(reportId).filter(r -> canSee(caller, r)).orElseThrow(() -> notFound(reportId));
    }

    /** The same, locked for a change until the transaction ends. */
    AbsenceReportRecord lockedFor(Caller caller, long reportId) {
        return reports.findByIdForUpdate(reportId).filter(r -> canSee(caller, r)).orElseThrow(() -> notFound(reportId));
    }

    private boolean canSee(Caller caller, AbsenceReportRecord report) {
        try {
            pupils.visibleTo(caller, report.pupilId());
            return true;
        } catch (ApiProblem e) {
            return false;
        }
    }

    private static ApiProblem notFound(long reportId) {
        return ApiProblem.notFound("No absence report " + reportId);
    }

    PupilRecord pupil(Caller caller, AbsenceReportRecord report) {
        return pupils.visibleTo(caller, report.pupilId());
    }

    SchoolRecord school(long schoolId) {
        return schools.find(schoolId).orElseThrow(() -> new IllegalStateException("No school " + schoolId));
    }

    List<AbsenceReportSessionRecord> sessionsOf(long reportId) {
        return sessions.ofReport(reportId);
    }

    AbsenceReportRecord update(AbsenceReportRecord report) {
        return reports.update(report);
    }

    void update(Collection<AbsenceReportSessionRecord> changed) {
        if (!changed.isEmpty()) {
            sessions.updateAll(changed);
        }
    }

    /**
     * The register's marks for the pupil over the range, by "date session", as this transaction sees them (the
     * register's amendments made by a report are read back before they are committed).
     */
    Map<String, RegisterCode> marks(Caller caller, long pupilId, LocalDate from, LocalDate to) {
        Map<String, RegisterCode> byKey = new HashMap<>();
        for (MarkRecord m : register.marksOf(caller, pupilId, from, to)) {
            RegisterCode.fromSymbol(m.code()).ifPresent(code -> byKey.put(m.sessionDate() + " " + m.session(), code));
        }
        return byKey;
    }

    /**
     * Codes the sessions the register already shows as unexplained ({@code N}), through the amendment trail; sessions
     * not registered yet get the code when the register is taken ({@link AbsenceReportExpectations}).
     */
    void applyToRegister(AbsenceReportRecord report, Collection<AbsenceReportSessionRecord> applying,
                         Map<String, RegisterCode> marks, Author author) {
        String reason = AbsenceReportCodes.trailReason(report.id(), report.reasonValue(), report.decided());
        for (AbsenceReportSessionRecord s : applying) {
            RegisterCode current = marks.get(s.key());
            if (s.dispositionValue() == AbsenceReportDisposition.APPLY && current == RegisterCode.N) {
                RegisterCode code = s.registerCode().orElseThrow();
                register.recordAbsence(s.pupilId(), s.sessionDate(), s.session(), code, reason, author);
                marks.put(s.key(), code);
            }
        }
    }

    AbsenceReportEventRecord record(AbsenceReportRecord report, AbsenceReportEventAction action, Caller by,
                                    Optional<String> details) {
        return events.save(new AbsenceReportEventRecord(null, report.id(), action.getValue(), now(), by.kind().name(), by.id(),
                by.name(), by.isParent() ? PARENT_POSITION : by.position(), details.orElse(null)));
    }

    static Author authorOf(Caller caller) {
        return caller.isParent() ? Author.parent(caller.name()) : Author.of(caller);
    }

    LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Today in the school's timezone. */
    LocalDate today(SchoolRecord school) {
        return clock.instant().atZone(school.zone()).toLocalDate();
    }

    /** The school's date of a stored UTC time. */
    static LocalDate schoolDate(SchoolRecord school, LocalDateTime utc) {
        return utc.atZone(ZoneOffset.UTC).withZoneSameInstant(school.zone()).toLocalDate();
    }
}
