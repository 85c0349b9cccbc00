package uk.attendance.casework.chronology;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.ChronologyApi;
import uk.attendance.contract.model.ChronologyItem;
import uk.attendance.contract.model.ChronologyKind;
import uk.attendance.contract.model.ChronologyNoteInput;
import uk.attendance.contract.model.ChronologyPage;
import uk.attendance.contract.model.ChronologyRef;
import uk.attendance.contract.model.ChronologyRefType;
import uk.attendance.platform.ApiProblem;

import java.time.ZoneOffset;
import java.util.Optional;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class ChronologyController implements ChronologyApi {
    private static final int DEFAULT_LIMIT = 50;
    private final PupilChronology chronology;
    private final CurrentCaller caller;

    ChronologyController(PupilChronology chronology, CurrentCaller caller) {
        this.chronology = chronology;
        this.caller = caller;
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public ChronologyPage getPupilChronology(Long pupilId, ChronologyKind kind, Integer page, Integer limit) {
        PupilChronology.Page p = chronology.read(caller.get(), pupilId,
                Optional.ofNullable(kind).map(k -> ChronologyEntry.Kind.valueOf(k.getValue())),
                Optional.ofNullable(page).orElse(1), Optional.ofNullable(limit).orElse(DEFAULT_LIMIT));
        return new ChronologyPage(p.page(), p.limit(), p.hasMore(), p.items().stream().map(ChronologyController::item).toList());
    }

    @Override
    public HttpResponse<ChronologyItem> addChronologyNote(Long pupilId, ChronologyNoteInput in) {
        if (in.getText() == null || in.getText().isBlank()) {
            throw ApiProblem.invalid("text", "a note needs some text");
        }
        return HttpResponse.created(item(chronology.addNote(caller.get(), pupilId, in.getText(),
                Boolean.TRUE.equals(in.getDslOnly()))));
    }

    private static ChronologyItem item(ChronologyEntry e) {
        ChronologyItem item = new ChronologyItem(ChronologyKind.fromValue(e.kind().name()), e.at().atZone(ZoneOffset.UTC),
                e.title(), e.by(), new ChronologyRef(ChronologyRefType.fromValue(e.refType()), e.refId()))
                .detail(e.detail());
        return e.dslOnly() ? item.dslOnly(true) : item;
    }
}
