package uk.attendance.followup.tasks;

import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import uk.attendance.absence.AbsenceReported;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDate;

/** A parent's report for today closes the child's open call tasks, once the report is committed. */
@Singleton
class ReportedAbsenceClosesTasks {
    private final CallTaskService tasks;
    private final SchoolService schools;
    private final Clock clock;

    ReportedAbsenceClosesTasks(CallTaskService tasks, SchoolService schools, Clock clock) {
        this.tasks = tasks;
        this.schools = schools;
        this.clock = clock;
    }

    @TransactionalEventListener
    void on(AbsenceReported report) {
        schools.find(report.schoolId()).ifPresent(school -> {
            LocalDate today = LocalDate.now(clock.withZone(school.zone()));
            if (report.covers(today)) {
                tasks.closeForPupil(report.pupilId(), today, "Absence report " + report.reportId() + " from a parent");
            }
        });
    }
}
