package uk.attendance.audit;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.Caller;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.AuditApi;
import uk.attendance.contract.model.AuditPage;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.staff.StaffRecord;
import uk.attendance.staff.StaffService;

import java.util.List;
import java.util.Optional;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class AuditController implements AuditApi {
    private static final int DEFAULT_LIMIT = 50;
    private final AuditLog audit;
    private final PupilService pupils;
    private final StaffService staff;
    private final CurrentCaller caller;

    AuditController(AuditLog audit, PupilService pupils, StaffService staff, CurrentCaller caller) {
        this.audit = audit;
        this.pupils = pupils;
        this.staff = staff;
        this.caller = caller;
    }

    @Override
    public AuditPage listPupilAudit(Long pupilId, Long before, Integer limit) {
        PupilRecord pupil = pupils.visibleTo(caller.get(), pupilId);
        int size = Optional.ofNullable(limit).orElse(DEFAULT_LIMIT);
        return AuditContract.page(audit.ofPupil(pupil.id(), Optional.ofNullable(before), size + 1), size);
    }

    @Override
    @Secured({Roles.HEADTEACHER, Roles.TRUST_ADMIN})
    public AuditPage listStaffAudit(Long staffId, Long before, Integer limit) {
        Caller c = caller.get();
        StaffRecord member = staff.managedBy(c, staffId);
        int size = Optional.ofNullable(limit).orElse(DEFAULT_LIMIT);
        return AuditContract.page(audit.of(Entity.STAFF, member.id(), Optional.ofNullable(before), size + 1), size);
    }
}
