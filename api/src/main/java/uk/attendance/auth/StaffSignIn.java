package uk.attendance.auth;

import uk.attendance.caller.Caller;
import uk.attendance.staff.PasswordHasher;

import uk.attendance.staff.StaffRecord;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.platform.ApiProblem;

/** Staff sign in with their email and password. */
@Singleton
class StaffSignIn {
    private static final Logger LOG = LoggerFactory.getLogger(StaffSignIn.class);
    private final SignInAccounts accounts;
    private final PasswordHasher passwords;
    private final StaffSignInLimits limits;

    StaffSignIn(SignInAccounts accounts, PasswordHasher passwords, StaffSignInLimits limits) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.limits = limits;
    }

    Caller signIn(String email, String password, String client) {
        limits.check(email, client);
        StaffRecord account = accounts.staffByEmail(email).orElse(null);
        boolean matches = account == null ? passwords.matchesNothing(password) : passwords.matches(password, account.passwordHash());
        if (!matches) {
            limits.failed(email, client);
            LOG.info("Staff sign-in refused: {}", account == null ? "unknown email" : "wrong password for staff " + account.id());
            throw ApiProblem.unauthorized("The email or password is not right.");
        }
        if (!account.active()) {
            // Only someone who knows the password learns that the account exists.
            LOG.info("Staff sign-in refused: staff {} is inactive", account.id());
            throw ApiProblem.unauthorized("This account is switched off. Ask your school's administrator to switch it back on.");
        }
        LOG.info("Staff {} signed in", account.id());
        return SignInAccounts.caller(account);
    }
}
