package uk.attendance.leave;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.LeaveApi;
import uk.attendance.contract.model.LeaveDecisionInput;
import uk.attendance.contract.model.LeavePreview;
import uk.attendance.contract.model.LeavePreviewInput;
import uk.attendance.contract.model.LeaveRequest;
import uk.attendance.contract.model.LeaveRequestInput;
import uk.attendance.contract.model.LeaveStatus;
import uk.attendance.contract.model.LeaveType;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class LeaveController implements LeaveApi {
    private final LeaveService leave;
    private final LeavePreviews previews;
    private final CurrentCaller caller;

    LeaveController(LeaveService leave, LeavePreviews previews, CurrentCaller caller) {
        this.leave = leave;
        this.previews = previews;
        this.caller = caller;
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public LeavePreview previewLeaveRequest(LeavePreviewInput in) {
        return LeaveApiModels.preview(previews.preview(caller.get(), in));
    }

    @Override
    @Secured(Roles.PARENT)
    public HttpResponse<LeaveRequest> requestLeave(LeaveRequestInput in) {
        return HttpResponse.created(LeaveApiModels.request(leave.request(caller.get(), in)));
    }

    @Override
    @Secured(Roles.PARENT)
    public List<LeaveRequest> listMyLeaveRequests(LeaveStatus status, Long pupilId) {
        return leave.mine(caller.get(), Optional.ofNullable(status), Optional.ofNullable(pupilId)).stream()
                .map(LeaveApiModels::request).toList();
    }

    @Override
    @Secured({Roles.PARENT, Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public LeaveRequest getLeaveRequest(Long leaveRequestId) {
        return LeaveApiModels.request(leave.get(caller.get(), leaveRequestId));
    }

    @Override
    @Secured(Roles.PARENT)
    public LeaveRequest withdrawLeaveRequest(Long leaveRequestId) {
        return LeaveApiModels.request(leave.withdraw(caller.get(), leaveRequestId));
    }

    @Override
    @Secured(Roles.HEADTEACHER)
    public LeaveRequest decideLeaveRequest(Long leaveRequestId, LeaveDecisionInput in) {
        return LeaveApiModels.request(leave.decide(caller.get(), leaveRequestId, in));
    }

    @Override
    public List<LeaveRequest> listSchoolLeaveRequests(Long schoolId, LeaveStatus status, Long pupilId, LeaveType type,
                                                      LocalDate from, LocalDate to) {
        return leave.ofSchool(caller.get(), schoolId, Optional.ofNullable(status), Optional.ofNullable(pupilId),
                Optional.ofNullable(type), Optional.ofNullable(from), Optional.ofNullable(to)).stream()
                .map(LeaveApiModels::request).toList();
    }
}
