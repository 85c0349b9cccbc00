package uk.attendance.staff;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.StaffApi;
import uk.attendance.contract.model.StaffInput;
import uk.attendance.contract.model.StaffMember;
import uk.attendance.contract.model.StaffRole;

import java.util.List;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.TRUST_ADMIN, Roles.HEADTEACHER})
class StaffController implements StaffApi {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StaffController.class);
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
    public StaffMember deactivateStaff(Long staffId) {
        var c = caller.get();
        StaffRecord off = staff.deactivate(c, staffId);
        LOG.info("Staff {} switched off by staff {}", staffId, c.id());
        return toContract(off);
    }

    @Override
    public StaffMember reactivateStaff(Long staffId) {
        var c = caller.get();
        StaffRecord on = staff.reactivate(c, staffId);
        LOG.info("Staff {} switched back on by staff {}", staffId, c.id());
        return toContract(on);
    }

    @Override
    public List<StaffMember> listStaff() {
        return staff.visibleTo(caller.get()).stream().map(StaffController::toContract).toList();
    }

    static StaffMember toContract(StaffRecord s) {
        return new StaffMember(s.id(), s.email(), s.name(), s.position(),
                s.roleList().stream().map(StaffRole::fromValue).toList())
                .schoolId(s.schoolId())
                .active(s.active());
    }
}
