package uk.attendance.staff;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.auth.CurrentCaller;
import uk.attendance.auth.Roles;
import uk.attendance.contract.api.StaffApi;
import uk.attendance.contract.model.StaffInput;
import uk.attendance.contract.model.StaffMember;
import uk.attendance.contract.model.StaffRole;

import java.util.List;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.TRUST_ADMIN, Roles.HEADTEACHER})
class StaffController implements StaffApi {
    private final StaffService staff;
    private final CurrentCaller caller;

    StaffController(StaffService staff, CurrentCaller caller) {
        this.staff = staff;
        this.caller = caller;
    }

    @Override
    @Secured(Roles.TRUST_ADMIN)
    public HttpResponse<StaffMember> createStaff(StaffInput input) {
        return HttpResponse.created(toContract(staff.create(caller.get().trustId(), input)));
    }

    @Override
    public List<StaffMember> listStaff() {
        return staff.visibleTo(caller.get()).stream().map(StaffController::toContract).toList();
    }

    static StaffMember toContract(StaffRecord s) {
        return new StaffMember(s.id(), s.email(), s.name(), s.position(),
                s.roleList().stream().map(StaffRole::fromValue).toList())
                .schoolId(s.schoolId());
    }
}
