package uk.attendance.dashboard;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.Caller;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.DashboardsApi;
import uk.attendance.contract.model.ExportSchoolDashboardTableTableParameter;
import uk.attendance.contract.model.ExportTrustDashboardTableTableParameter;
import uk.attendance.contract.model.SchoolDashboard;
import uk.attendance.contract.model.TrustDashboard;
import uk.attendance.platform.ApiProblem;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolYear;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class DashboardController implements DashboardsApi {
    private final DashboardService dashboards;
    private final CurrentCaller caller;

    DashboardController(DashboardService dashboards, CurrentCaller caller) {
        this.dashboards = dashboards;
        this.caller = caller;
    }

    @Override
    public SchoolDashboard getSchoolDashboard(Long schoolId, String academicYear, LocalDate asOf) {
        Caller who = caller.get();
        SchoolRecord school = dashboards.schoolOf(who, schoolId);
        return DashboardContract.school(school, dashboards.school(who, schoolId, year(academicYear), Optional.ofNullable(asOf)));
    }

    @Override
    @Secured(Roles.TRUST_ADMIN)
    public TrustDashboard getTrustDashboard(String academicYear, LocalDate asOf) {
        Caller who = caller.get();
        return DashboardContract.trust(who.trustId(), dashboards.trust(who, year(academicYear), Optional.ofNullable(asOf)));
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> exportSchoolDashboardTable(Long schoolId,
            ExportSchoolDashboardTableTableParameter table, String academicYear, LocalDate asOf) {
        SchoolDashboard d = getSchoolDashboard(schoolId, academicYear, asOf);
        String csv = switch (table) {
            case GROUPS -> DashboardContract.groupsCsv(d.getTotals(), d.getGroups());
            case WEEKS -> DashboardContract.weeksCsv(d.getWeeks());
        };
        return csv("dashboard-school-" + schoolId + "-" + table.getValue() + "-" + d.getAcademicYear() + ".csv", csv);
    }

    @Override
    @Secured(Roles.TRUST_ADMIN)
    public HttpResponse<FileCustomizableResponseType> exportTrustDashboardTable(
            ExportTrustDashboardTableTableParameter table, String academicYear, LocalDate asOf) {
        TrustDashboard d = getTrustDashboard(academicYear, asOf);
        String csv = switch (table) {
            case SCHOOLS -> DashboardContract.schoolsCsv(d);
            case GROUPS -> DashboardContract.groupsCsv(d.getTotals(), d.getGroups());
            case WEEKS -> DashboardContract.weeksCsv(d.getWeeks());
        };
        return csv("dashboard-trust-" + table.getValue() + "-" + d.getAcademicYear() + ".csv", csv);
    }

    private static Optional<SchoolYear> year(String academicYear) {
        if (academicYear == null) {
            return Optional.empty();
        }
        return Optional.of(SchoolYear.parse(academicYear).orElseThrow(() -> ApiProblem.invalid("academicYear",
                "is written like 2025-26 (the second year the first plus one)")));
    }

    private static HttpResponse<FileCustomizableResponseType> csv(String fileName, String csv) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        StreamedFile body = new StreamedFile(new ByteArrayInputStream(bytes), MediaType.of("text/csv; charset=utf-8"),
                System.currentTimeMillis(), bytes.length);
        return HttpResponse.<FileCustomizableResponseType>ok(body)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
