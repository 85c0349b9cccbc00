package uk.attendance.staff;

import io.micronaut.context.BeanProvider;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.attendance.audit.AuditLog;
import uk.attendance.audit.Change;
import uk.attendance.audit.Entity;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.model.StaffInput;
import uk.attendance.contract.model.StaffRole;
import uk.attendance.platform.ApiProblem;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Staff accounts: school-scoped roles need a school; TRUST_ADMIN alone works trust-wide. */
@Singleton
public class StaffService {
    private final StaffRepository staff;
    private final SchoolService schools;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final BeanProvider<StaffDeactivated> onDeactivation;
    private final Clock clock;

    StaffService(StaffRepository staff, SchoolService schools, PasswordHasher hasher, AuditLog audit,
                 BeanProvider<StaffDeactivated> onDeactivation, Clock clock) {
        this.staff = staff;
        this.schools = schools;
        this.hasher = hasher;
        this.audit = audit;
        this.onDeactivation = onDeactivation;
        this.clock = clock;
    }

    /** The account, when the caller manages it: a trust admin the trust's staff, a headteacher their school's; else 404. */
    public StaffRecord managedBy(Caller caller, long staffId) {
        return staff.findById(staffId)
                .filter(s -> s.trustId() == caller.trustId())
                .filter(s -> caller.isTrustAdmin() || (s.schoolId() != null && caller.schoolId().map(s.schoolId()::equals).orElse(false)))
                .orElseThrow(() -> ApiProblem.notFound("No staff member " + staffId));
    }

    /**
     * Switches the account off (see {@link StaffAccess}, {@link StaffDeactivated}); 409 for the caller's own account and
     * for the trust's last active trust admin. An account already off is returned unchanged.
     */
    @Transactional
    public StaffRecord deactivate(Caller caller, long staffId) {
        StaffRecord member = managedBy(caller, staffId);
        if (member.id() == caller.id()) {
            throw ApiProblem.conflict("You cannot switch off your own account; ask another administrator");
        }
        List<StaffRecord> trust = staff.lockTrust(member.trustId());
        StaffRecord current = trust.stream().filter(s -> s.id().equals(member.id())).findFirst().orElseThrow();
        if (!current.active()) {
            return current;
        }
        boolean admin = current.roleList().contains(Roles.TRUST_ADMIN);
        long otherAdmins = trust.stream().filter(s -> s.active() && !s.id().equals(current.id())
                && s.roleList().contains(Roles.TRUST_ADMIN)).count();
        if (admin && otherAdmins == 0) {
            throw ApiProblem.conflict("This is the trust's last active trust admin; a trust must always have one."
                    + " Make another trust admin first");
        }
        StaffRecord off = staff.update(current.withActive(false));
        onDeactivation.stream().forEach(h -> h.deactivated(off.id()));
        audit.record(caller, new AuditLog.Entry(Entity.STAFF, off.id(), null, off.schoolId(), off.trustId(), "DEACTIVATED",
                List.of(Change.of("active", true, false))));
        return off;
    }

    /** Switches the account back on; an active account is returned unchanged. */
    @Transactional
    public StaffRecord reactivate(Caller caller, long staffId) {
        StaffRecord member = managedBy(caller, staffId);
        if (member.active()) {
            return member;
        }
        StaffRecord on = staff.update(member.withActive(true));
        audit.record(caller, new AuditLog.Entry(Entity.STAFF, on.id(), null, on.schoolId(), on.trustId(), "REACTIVATED",
                List.of(Change.of("active", false, true))));
        return on;
    }

    public StaffRecord create(long trustId, StaffInput in) {
        List<String> roles = in.getRoles().stream().map(StaffRole::getValue).distinct().toList();
        boolean trustWideOnly = roles.equals(List.of(Roles.TRUST_ADMIN));
        Optional<Long> school = Optional.ofNullable(in.getSchoolId());
        if (!trustWideOnly && school.isEmpty()) {
            throw ApiProblem.invalid("schoolId", "required for school roles (" + String.join(", ", roles) + ")");
        }
        school.ifPresent(id -> schools.find(id).filter(s -> s.trustId() == trustId)
                .orElseThrow(() -> ApiProblem.invalid("schoolId", "no school " + id + " in this trust")));
        String email = in.getEmail().strip().toLowerCase(Locale.ROOT);
        if (staff.existsByEmail(email)) {
            throw ApiProblem.conflict("A staff account with this email already exists");
        }
        String hash;
        try {
            hash = hasher.hash(in.getPassword());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("password", e.getMessage());
        }
        return staff.save(new StaffRecord(null, trustId, school.orElse(null), email, in.getName().strip(),
                in.getPosition().strip(), roles.stream().collect(Collectors.joining(",")), hash, true,
                LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)));
    }

    public List<StaffRecord> visibleTo(Caller caller) {
        if (caller.isTrustAdmin()) {
            return staff.findByTrustIdOrderByName(caller.trustId());
        }
        return caller.schoolId().map(staff::findBySchoolIdOrderByName).orElse(List.of());
    }

    /** The active staff of a school who hold a role (e.g. its attendance officers, to be told of new call tasks). */
    public List<StaffRecord> atSchoolWithRole(long schoolId, String role) {
        return staff.findBySchoolIdOrderByName(schoolId).stream()
                .filter(s -> s.active() && s.roleList().contains(role))
                .toList();
    }

    /** Emails are stored lower-case; the column's collation also ignores case. */
    public Optional<StaffRecord> findByEmail(String email) {
        return staff.findByEmail(email.strip().toLowerCase(Locale.ROOT));
    }

    public Optional<StaffRecord> find(long id) {
        return staff.findById(id);
    }
}
