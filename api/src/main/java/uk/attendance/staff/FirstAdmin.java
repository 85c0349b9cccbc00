package uk.attendance.staff;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.attendance.caller.Roles;
import uk.attendance.contract.model.StaffInput;
import uk.attendance.contract.model.StaffRole;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.ProductionSafetyCheck;
import uk.attendance.school.SchoolService;
import uk.attendance.school.TrustRecord;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A trust administrator made from the command line ({@code create-admin}): the way into a database without the demo
 * trust. The trust is the one named (created when there is none of that name), or the only trust there is, or a new
 * one named {@code attendance.trust-name} when there is none. Trust and account are created together or not at all.
 */
@Singleton
class FirstAdmin {
    static final int MIN_PASSWORD_LENGTH = 12;

    private final SchoolService schools;
    private final StaffService staff;
    private final String defaultTrustName;
    private final Set<String> demoPasswords;

    FirstAdmin(SchoolService schools, StaffService staff,
               @Value("${attendance.trust-name:Oak Learning Trust}") String defaultTrustName,
               @Value("${attendance.demo.password:" + ProductionSafetyCheck.DEFAULT_DEMO_PASSWORD + "}") String demoPassword) {
        this.schools = schools;
        this.staff = staff;
        this.defaultTrustName = defaultTrustName;
        this.demoPasswords = new java.util.HashSet<>(List.of(ProductionSafetyCheck.DEFAULT_DEMO_PASSWORD, demoPassword));
    }

    /** What was made. */
    record Created(StaffRecord admin, TrustRecord trust, boolean trustCreated) {
    }

    /** Why nothing was made, in words for the operator. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    @Transactional
    Created create(String email, String name, Optional<String> trustName, String password) {
        checkPassword(password);
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            throw new Refused("--email: " + email + " is not an email address");
        }
        staff.findByEmail(email).ifPresent(existing -> {
            throw new Refused("A staff account with the email " + existing.email() + " already exists (staff id "
                    + existing.id() + "): nothing changed. Sign in with it, or choose another email.");
        });
        List<TrustRecord> trusts = schools.trusts();
        Optional<TrustRecord> trust = trustName.isPresent()
                ? trusts.stream().filter(t -> t.name().equalsIgnoreCase(trustName.get())).findFirst()
                : trusts.size() == 1 ? Optional.of(trusts.get(0)) : Optional.empty();
        if (trust.isEmpty() && trustName.isEmpty() && trusts.size() > 1) {
            throw new Refused("This database has " + trusts.size() + " trusts: name one with --trust-name");
        }
        boolean trustCreated = trust.isEmpty();
        TrustRecord chosen = trust.orElseGet(() -> schools.createTrust(trustName.orElse(defaultTrustName)));
        try {
            StaffRecord admin = staff.create(chosen.id(), new StaffInput(email, name, CreateAdminOptions.DEFAULT_NAME,
                    List.of(StaffRole.fromValue(Roles.TRUST_ADMIN)), password));
            return new Created(admin, chosen, trustCreated);
        } catch (ApiProblem e) {
            throw new Refused(e.getMessage());
        }
    }

    private void checkPassword(String password) {
        if (password == null || password.strip().length() < MIN_PASSWORD_LENGTH) {
            throw new Refused("The password must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_BYTES) {
            throw new Refused("The password may be at most " + PasswordHasher.MAX_BYTES + " bytes long");
        }
        if (demoPasswords.contains(password)) {
            throw new Refused("That is the demo password, which is printed in the README: choose another");
        }
    }
}
