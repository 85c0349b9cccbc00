package uk.attendance.me;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.attendance.caller.Caller;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.contract.api.MeApi;
import uk.attendance.contract.model.Child;
import uk.attendance.contract.model.Me;
import uk.attendance.contract.model.MeKind;
import uk.attendance.contract.model.Role;
import uk.attendance.contract.model.SchoolSummary;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The authenticated no-op: who the caller is, with their children (parents) or schools (staff). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class MeController implements MeApi {
    private final CurrentCaller caller;
    private final PupilService pupils;
    private final SchoolService schools;

    MeController(CurrentCaller caller, PupilService pupils, SchoolService schools) {
        this.caller = caller;
        this.pupils = pupils;
        this.schools = schools;
    }

    @Override
    public Me getMe() {
        Caller c = caller.get();
        List<Role> roles = c.roles().stream().sorted().map(Role::fromValue).toList();
        Me me = new Me(MeKind.fromValue(c.kind().name()), c.id(), c.name(), roles, List.of(), List.of())
                .trustName(schools.trust(c.trustId()).map(t -> t.name()).orElse(null));
        if (c.isParent()) {
            Map<Long, SchoolRecord> bySchool = schools.inTrust(c.trustId()).stream()
                    .collect(Collectors.toMap(SchoolRecord::id, Function.identity()));
            return me.children(pupils.childrenOf(c.id()).stream()
                    .map(p -> new Child(p.id(), p.schoolId(), bySchool.get(p.schoolId()).name(), p.firstName(),
                            p.lastName(), p.yearGroup(), p.registrationGroup()))
                    .toList());
        }
        return me.position(c.position())
                .schools(schools.visibleTo(c).stream().map(s -> new SchoolSummary(s.id(), s.urn(), s.name())).toList());
    }
}
