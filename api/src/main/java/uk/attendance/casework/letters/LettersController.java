package uk.attendance.casework.letters;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.Caller;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.LettersApi;
import uk.attendance.contract.model.Letter;
import uk.attendance.contract.model.LetterDismissal;
import uk.attendance.contract.model.LetterEdit;
import uk.attendance.contract.model.LetterRequest;
import uk.attendance.contract.model.LetterSettings;
import uk.attendance.contract.model.LetterSettingsInput;
import uk.attendance.contract.model.LetterStatus;
import uk.attendance.platform.ApiProblem;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ATTENDANCE_OFFICER, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class LettersController implements LettersApi {
    private static final int DEFAULT_LIMIT = 50;
    private final LetterService letters;
    private final LetterSettingsService settings;
    private final LetterViews views;
    private final LetterPdfs pdfs;
    private final CurrentCaller caller;

    LettersController(LetterService letters, LetterSettingsService settings, LetterViews views, LetterPdfs pdfs,
                      CurrentCaller caller) {
        this.letters = letters;
        this.pdfs = pdfs;
        this.settings = settings;
        this.views = views;
        this.caller = caller;
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public LetterSettings getLetterSettings(Long schoolId) {
        return LetterViews.settings(settings.read(caller.get(), schoolId));
    }

    @Override
    public LetterSettings updateLetterSettings(Long schoolId, LetterSettingsInput in) {
        List<StageSetting> stages = Optional.ofNullable(in.getStages()).orElse(List.of()).stream()
                .map(s -> new StageSetting(LetterStage.valueOf(s.getStage().getValue()), s.getName(), s.getDescription(),
                        s.getAutomatic(), s.getThresholdPercent(), s.getUlateSessions(), s.getSubject(), s.getBody()))
                .toList();
        return LetterViews.settings(settings.update(caller.get(), schoolId, in.getResendAfterDays(), in.getMinimumSessions(),
                stages));
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public List<Letter> listSchoolLetters(Long schoolId, LetterStatus status,
                                          uk.attendance.contract.model.LetterStage stage, Long before, Integer limit) {
        Caller who = caller.get();
        return letters.ofSchool(who, schoolId,
                        Optional.ofNullable(status).map(s -> LetterRecord.Status.valueOf(s.getValue())),
                        Optional.ofNullable(stage).map(s -> LetterStage.valueOf(s.getValue())),
                        Optional.ofNullable(before), Optional.ofNullable(limit).orElse(DEFAULT_LIMIT))
                .stream().map(l -> views.letter(l, who)).toList();
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public List<Letter> listPupilLetters(Long pupilId) {
        Caller who = caller.get();
        return letters.ofPupil(who, pupilId).stream().map(l -> views.letter(l, who)).toList();
    }

    @Override
    public HttpResponse<Letter> createPupilLetter(Long pupilId, LetterRequest in) {
        Caller who = caller.get();
        return HttpResponse.created(views.letter(letters.start(who, pupilId, LetterStage.valueOf(in.getStage().getValue())), who));
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public Letter getLetter(Long letterId) {
        Caller who = caller.get();
        return views.letter(letters.read(who, letterId), who);
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public HttpResponse<FileCustomizableResponseType> downloadLetter(Long letterId) {
        LetterPdfs.Printed printed = pdfs.print(caller.get(), letterId);
        StreamedFile body = new StreamedFile(new ByteArrayInputStream(printed.pdf()), MediaType.of("application/pdf"),
                System.currentTimeMillis(), printed.pdf().length);
        return HttpResponse.<FileCustomizableResponseType>ok(body)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + printed.fileName() + "\"")
                .header(HttpHeaders.CONTENT_LANGUAGE, printed.language())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    @Override
    public Letter updateLetter(Long letterId, LetterEdit in) {
        if (in.getSubject() == null && in.getBody() == null) {
            throw ApiProblem.invalid("body", "send a new subject or body");
        }
        Caller who = caller.get();
        return views.letter(letters.edit(who, letterId, Optional.ofNullable(in.getSubject()), Optional.ofNullable(in.getBody())), who);
    }

    @Override
    public Letter sendLetter(Long letterId) {
        Caller who = caller.get();
        return views.letter(letters.send(who, letterId), who);
    }

    @Override
    public Letter dismissLetter(Long letterId, LetterDismissal in) {
        Caller who = caller.get();
        return views.letter(letters.dismiss(who, letterId, in.getReason()), who);
    }
}
