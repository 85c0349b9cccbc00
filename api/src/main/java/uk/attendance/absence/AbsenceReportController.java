package uk.attendance.absence;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.Caller;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.AbsenceApi;
import uk.attendance.contract.model.AbsenceReport;
import uk.attendance.contract.model.AbsenceReportDecision;
import uk.attendance.contract.model.AbsenceReportInput;
import uk.attendance.contract.model.AbsenceReportMessageInput;
import uk.attendance.contract.model.AbsenceReportReceipt;
import uk.attendance.contract.model.AbsenceReportSettings;
import uk.attendance.contract.model.AbsenceReportSettingsInput;
import uk.attendance.contract.model.AbsenceReportStatus;
import uk.attendance.contract.model.AbsenceReportUpdate;
import uk.attendance.contract.model.AbsenceReportWithdrawal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.PARENT)
class AbsenceReportController implements AbsenceApi {
    private final AbsenceReportSubmissions submissions;
    private final AbsenceReportService reports;
    private final AbsenceReportInbox inbox;
    private final AbsenceReportSettingsStore settings;
    private final AbsenceReportViews views;
    private final CurrentCaller caller;

    AbsenceReportController(AbsenceReportSubmissions submissions, AbsenceReportService reports, AbsenceReportInbox inbox,
                            AbsenceReportSettingsStore settings, AbsenceReportViews views, CurrentCaller caller) {
        this.submissions = submissions;
        this.reports = reports;
        this.inbox = inbox;
        this.settings = settings;
        this.views = views;
        this.caller = caller;
    }

    @Override
    public HttpResponse<AbsenceReportReceipt> reportAbsence(AbsenceReportInput in, String idempotencyKey) {
        AbsenceReportSubmissions.Submitted submitted = submissions.submit(caller.get(), Optional.ofNullable(idempotencyKey), in);
        var response = HttpResponse.<AbsenceReportReceipt>status(HttpStatus.CREATED).body(submitted.receipt());
        return submitted.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    @Override
    public List<AbsenceReport> listMyAbsenceReports() {
        Caller parent = caller.get();
        return views.views(parent, reports.ofFamily(parent));
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public AbsenceReport getAbsenceReport(Long reportId) {
        Caller who = caller.get();
        return views.view(who, reports.get(who, reportId));
    }

    @Override
    public AbsenceReport updateAbsenceReport(Long reportId, AbsenceReportUpdate change) {
        Caller parent = caller.get();
        return views.view(parent, reports.update(parent, reportId, change));
    }

    @Override
    public AbsenceReport withdrawAbsenceReport(Long reportId, AbsenceReportWithdrawal withdrawal) {
        Caller parent = caller.get();
        return views.view(parent, reports.withdraw(parent, reportId, withdrawal));
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public AbsenceReport postAbsenceReportMessage(Long reportId, AbsenceReportMessageInput message) {
        Caller who = caller.get();
        return views.view(who, inbox.post(who, reportId, message.getText()));
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public AbsenceReport decideAbsenceReport(Long reportId, AbsenceReportDecision decision) {
        Caller staff = caller.get();
        return views.view(staff, inbox.decide(staff, reportId, decision));
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public List<AbsenceReport> listSchoolAbsenceReports(Long schoolId, List<AbsenceReportStatus> status, LocalDate from,
                                                        LocalDate to) {
        Caller staff = caller.get();
        return views.views(staff, inbox.ofSchool(staff, schoolId, status, from, to));
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public AbsenceReportSettings getAbsenceReportSettings(Long schoolId) {
        return settings.of(caller.get(), schoolId).map(AbsenceReportController::toContract)
                .orElseGet(() -> new AbsenceReportSettings(schoolId, false));
    }

    @Override
    @Secured({Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public AbsenceReportSettings putAbsenceReportSettings(Long schoolId, AbsenceReportSettingsInput in) {
        return toContract(settings.change(caller.get(), schoolId, in.getIllnessNeedsReview()));
    }

    private static AbsenceReportSettings toContract(AbsenceReportSettingsRecord s) {
        return new AbsenceReportSettings(s.schoolId(), s.illnessNeedsReview())
                .updatedAt(s.updatedAt().atZone(ZoneOffset.UTC))
                .updatedBy(s.updatedByName());
    }
}
