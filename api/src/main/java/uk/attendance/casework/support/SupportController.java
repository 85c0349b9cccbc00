package uk.attendance.casework.support;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.SupportApi;
import uk.attendance.contract.model.SupportAction;
import uk.attendance.contract.model.SupportRecord;
import uk.attendance.contract.model.SupportRecordInput;
import uk.attendance.contract.model.SupportRecordKind;
import uk.attendance.contract.model.SupportRecordStatus;
import uk.attendance.contract.model.SupportReview;
import uk.attendance.contract.model.SupportReviewInput;
import uk.attendance.contract.model.SupportReviewOutcome;
import uk.attendance.contract.model.SupportSettings;
import uk.attendance.contract.model.SupportSettingsInput;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static uk.attendance.platform.ContractTimes.utc;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class SupportController implements SupportApi {
    private final SupportRecords support;
    private final CurrentCaller caller;

    SupportController(SupportRecords support, CurrentCaller caller) {
        this.support = support;
        this.caller = caller;
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public List<SupportRecord> listSupportRecords(Long pupilId) {
        return support.ofPupil(caller.get(), pupilId).stream().map(SupportController::model).toList();
    }

    @Override
    public List<SupportRecord> listSchoolSupportRecords(Long schoolId, SupportRecordKind kind, LocalDate reviewDueBy) {
        return support.ofSchool(caller.get(), schoolId, Optional.ofNullable(kind).map(SupportRecordKind::getValue),
                Optional.ofNullable(reviewDueBy)).stream().map(SupportController::model).toList();
    }

    @Override
    public HttpResponse<SupportRecord> createSupportRecord(Long pupilId, SupportRecordInput in) {
        return HttpResponse.created(model(support.create(caller.get(), pupilId, in)));
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public SupportRecord getSupportRecord(Long supportRecordId) {
        return model(support.get(caller.get(), supportRecordId));
    }

    @Override
    public SupportRecord updateSupportRecord(Long supportRecordId, SupportRecordInput in) {
        return model(support.update(caller.get(), supportRecordId, in));
    }

    @Override
    public HttpResponse<SupportRecord> reviewSupportRecord(Long supportRecordId, SupportReviewInput in) {
        return HttpResponse.created(model(support.review(caller.get(), supportRecordId, in)));
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public SupportSettings getSupportSettings(Long schoolId) {
        return new SupportSettings(schoolId, support.reviewWeeks(caller.get(), schoolId), support.reminderDaysBefore());
    }

    @Override
    @Secured({Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public SupportSettings updateSupportSettings(Long schoolId, SupportSettingsInput in) {
        return new SupportSettings(schoolId, support.setReviewWeeks(caller.get(), schoolId, in.getReviewWeeks()),
                support.reminderDaysBefore());
    }

    private static SupportRecord model(SupportRecords.SupportRecordView v) {
        SupportRecordRow r = v.row();
        return new SupportRecord(r.id(), r.pupilId(), r.schoolId(), SupportRecordKind.fromValue(r.kind().name()),
                SupportRecordStatus.fromValue(r.status().name()), r.startsOn(), v.attendees(),
                v.actions().stream().map(a -> new SupportAction(a.what(), a.owner(), a.dueOn()).done(a.done())).toList(),
                r.ownerStaffId(), v.ownerName(),
                v.reviews().stream().map(x -> new SupportReview(x.id(), x.reviewedOn(),
                        SupportReviewOutcome.fromValue(x.outcome().name()), utc(x.createdAt()), x.createdByName())
                        .note(x.note()).nextReviewOn(x.nextReviewOn())).toList(),
                utc(r.createdAt()), r.createdByName(), utc(r.updatedAt()), r.updatedByName())
                .endsOn(r.endsOn()).agreed(r.agreed()).terms(r.terms()).nextReviewOn(r.nextReviewOn());
    }
}
