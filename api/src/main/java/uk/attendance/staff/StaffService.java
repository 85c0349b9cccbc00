package uk.attendance.staff;

import jakarta.inject.Singleton;
import uk.attendance.auth.Caller;
import uk.attendance.auth.PasswordHasher;
import uk.attendance.auth.Roles;
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
    private final Clock clock;

    StaffService(StaffRepository staff, SchoolService schools, PasswordHasher hasher, Clock clock) {
        this.staff = staff;
        this.schools = schools;
        this.hasher = hasher;
        this.clock = clock;
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
