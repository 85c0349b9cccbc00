package uk.attendance.auth;

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

    StaffSignIn(SignInAccounts accounts, PasswordHasher passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    Caller signIn(String email, String password) {
        StaffAccountRecord account = accounts.staffByEmail(email).orElse(null);
        boolean matches = account == null ? passwords.matchesNothing(password) : passwords.matches(password, account.passwordHash());
        if (!matches) {
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
