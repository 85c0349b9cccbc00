package uk.attendance.evidence;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.EvidenceApi;
import uk.attendance.contract.model.EvidenceAttachment;
import uk.attendance.contract.model.EvidenceDownload;
import uk.attendance.contract.model.EvidenceFile;
import uk.attendance.contract.model.EvidencePerson;
import uk.attendance.contract.model.EvidencePersonKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.List;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class EvidenceController implements EvidenceApi {
    static final String PUPIL_RECORD = "pupil-record";
    private final EvidenceService evidence;
    private final CurrentCaller caller;

    EvidenceController(EvidenceService evidence, CurrentCaller caller) {
        this.evidence = evidence;
        this.caller = caller;
    }

    @Override
    public HttpResponse<EvidenceFile> uploadEvidence(CompletedFileUpload file) {
        try {
            return HttpResponse.created(evidence.upload(caller.get(), file.getFilename(), file.getBytes()).toContract());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> downloadEvidence(Long evidenceId) {
        EvidenceService.Download download = evidence.download(caller.get(), evidenceId);
        EvidenceFileRecord file = download.file();
        StreamedFile body = new StreamedFile(download.content(), MediaType.of(file.mediaType()),
                file.createdAt().toInstant(ZoneOffset.UTC).toEpochMilli(), file.sizeBytes());
        return HttpResponse.<FileCustomizableResponseType>ok(body)
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(file.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    @Override
    public EvidenceFile getEvidence(Long evidenceId) {
        return evidence.readable(caller.get(), evidenceId).toContract();
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public List<EvidenceDownload> listEvidenceDownloads(Long evidenceId) {
        return evidence.downloadsOf(caller.get(), evidenceId).stream()
                .map(d -> new EvidenceDownload(new EvidencePerson(EvidencePersonKind.fromValue(d.downloaderKind().name()),
                        d.downloaderId()), d.downloadedAt().atZone(ZoneOffset.UTC)))
                .toList();
    }

    @Override
    public List<EvidenceFile> listPupilEvidence(Long pupilId) {
        return evidence.ofPupil(caller.get(), pupilId).stream().map(EvidenceFileRecord::toContract).toList();
    }

    @Override
    public List<EvidenceFile> attachEvidence(Long pupilId, EvidenceAttachment attachment) {
        evidence.attach(caller.get(), attachment.getEvidenceIds(), pupilId, PUPIL_RECORD);
        return listPupilEvidence(pupilId);
    }
}
