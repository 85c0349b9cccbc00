package uk.attendance.casework.documents;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.DocumentsApi;
import uk.attendance.contract.model.DocumentDownload;
import uk.attendance.contract.model.DocumentDownloadKind;
import uk.attendance.contract.model.EvidencePerson;
import uk.attendance.contract.model.EvidencePersonKind;
import uk.attendance.contract.model.ReportSettings;
import uk.attendance.contract.model.ReportSettingsInput;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static uk.attendance.platform.ContractTimes.utc;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class DocumentsController implements DocumentsApi {
    private final AttendanceReports reports;
    private final DocumentDownloads downloads;
    private final DocumentSettings settings;
    private final CurrentCaller caller;

    DocumentsController(AttendanceReports reports, DocumentDownloads downloads, DocumentSettings settings, CurrentCaller caller) {
        this.reports = reports;
        this.downloads = downloads;
        this.settings = settings;
        this.caller = caller;
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> getHalfTermAttendanceReport(Long pupilId, LocalDate halfTerm) {
        AttendanceReports.Rendered report = reports.download(caller.get(), pupilId, Optional.ofNullable(halfTerm));
        StreamedFile body = new StreamedFile(new ByteArrayInputStream(report.pdf()), MediaType.of("application/pdf"),
                System.currentTimeMillis(), report.pdf().length);
        return HttpResponse.<FileCustomizableResponseType>ok(body)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + report.fileName() + "\"")
                .header(HttpHeaders.CONTENT_LANGUAGE, report.language())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public List<DocumentDownload> listDocumentDownloads(Long schoolId, Long pupilId) {
        return downloads.ofSchool(caller.get(), schoolId, Optional.ofNullable(pupilId)).stream()
                .map(d -> new DocumentDownload(d.pupilId(), DocumentDownloadKind.fromValue(d.kind().name()), d.periodStart(),
                        d.periodEnd(), d.title(), d.language(),
                        new EvidencePerson(EvidencePersonKind.fromValue(d.downloaderKind().name()), d.downloaderId()),
                        utc(d.downloadedAt()))
                        .documentId(d.documentId()))
                .toList();
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public ReportSettings getReportSettings(Long schoolId) {
        return settings.of(caller.get(), schoolId).map(DocumentsController::toContract)
                .orElseGet(() -> new ReportSettings(schoolId, true));
    }

    @Override
    @Secured({Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public ReportSettings putReportSettings(Long schoolId, ReportSettingsInput in) {
        return toContract(settings.change(caller.get(), schoolId, in.getHalfTermReports()));
    }

    private static ReportSettings toContract(DocumentSettingsRecord s) {
        return new ReportSettings(s.schoolId(), s.halfTermReports())
                .updatedAt(utc(s.updatedAt()))
                .updatedBy(s.updatedByName());
    }
}
