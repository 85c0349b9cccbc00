package uk.attendance.parttime;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.PartTimeTimetablesApi;
import uk.attendance.contract.model.PartTimeEndInput;
import uk.attendance.contract.model.PartTimeReviewInput;
import uk.attendance.contract.model.PartTimeTimetable;
import uk.attendance.contract.model.PartTimeTimetableInput;
import uk.attendance.contract.model.PartTimeTimetableStatus;

import java.util.List;
import java.util.Optional;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class PartTimeTimetableController implements PartTimeTimetablesApi {
    private final PartTimeTimetables timetables;
    private final CurrentCaller caller;

    PartTimeTimetableController(PartTimeTimetables timetables, CurrentCaller caller) {
        this.timetables = timetables;
        this.caller = caller;
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public List<PartTimeTimetable> listPupilPartTimeTimetables(Long pupilId) {
        return timetables.ofPupil(caller.get(), pupilId).stream().map(PartTimeContract::model).toList();
    }

    @Override
    @Secured({Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public List<PartTimeTimetable> listSchoolPartTimeTimetables(Long schoolId, PartTimeTimetableStatus status) {
        return timetables.ofSchool(caller.get(), schoolId, PartTimeContract.status(status)).stream()
                .map(PartTimeContract::model).toList();
    }

    @Override
    public HttpResponse<PartTimeTimetable> createPartTimeTimetable(Long pupilId, PartTimeTimetableInput in) {
        return HttpResponse.created(PartTimeContract.model(timetables.create(caller.get(), pupilId, PartTimeContract.agreement(in))));
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public PartTimeTimetable getPartTimeTimetable(Long timetableId) {
        return PartTimeContract.model(timetables.get(caller.get(), timetableId));
    }

    @Override
    public HttpResponse<PartTimeTimetable> reviewPartTimeTimetable(Long timetableId, PartTimeReviewInput in) {
        return HttpResponse.created(PartTimeContract.model(timetables.review(caller.get(), timetableId, PartTimeContract.review(in))));
    }

    @Override
    public PartTimeTimetable endPartTimeTimetable(Long timetableId, PartTimeEndInput in) {
        return PartTimeContract.model(timetables.end(caller.get(), timetableId, in.getEndedOn(), Optional.ofNullable(in.getNote())));
    }
}
