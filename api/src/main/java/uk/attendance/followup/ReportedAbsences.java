package uk.attendance.followup;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import uk.attendance.absence.AbsenceReported;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDate;

/**
 * A parent's absence report (made in the app or by replying to the morning text) closes the pupil's open call tasks of
 * the days it covers, up to today, and tells whoever held them; in the report's transaction.
 */
@Singleton
class ReportedAbsences {
    private final CallTaskService callTasks;
    private final SchoolService schools;
    private final Clock clock;

    ReportedAbsences(CallTaskService callTasks, SchoolService schools, Clock clock) {
        this.callTasks = callTasks;
        this.schools = schools;
        this.clock = clock;
    }

    @EventListener
    void onReported(AbsenceReported report) {
        LocalDate today = clock.instant().atZone(schools.find(report.schoolId()).map(SchoolRecord::zone).orElseThrow())
                .toLocalDate();
        report.days().stream().filter(day -> !day.isAfter(today)).forEach(day -> callTasks.closeForPupil(report.pupilId(), day,
                "Absence report " + report.reportId() + " from a parent: " + report.reason()));
    }
}
