package uk.attendance.auth;

import uk.attendance.caller.Caller;

import uk.attendance.pupil.ContactRecord;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.auth.SignInCodeRecord.State;
import uk.attendance.auth.SignInCodeStore.Check;
import uk.attendance.platform.UkMobile;
import uk.attendance.platform.ApiProblem;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Parents and carers sign in with a 6-digit code texted to their mobile. Every answer is the same whether or
 * not the number belongs to a contact (see {@link State#DECOY}).
 */
@Singleton
class ParentSignIn {
    private static final Logger LOG = LoggerFactory.getLogger(ParentSignIn.class);
    private final SignInAccounts accounts;
    private final SignInCodeStore codes;
    private final SignInCodeHasher hasher;
    private final SignInRateLimits limits;
    private final Clock clock;
    private final String trustName;

    ParentSignIn(SignInAccounts accounts, SignInCodeStore codes, SignInCodeHasher hasher, SignInRateLimits limits,
                 Clock clock, @Value("${attendance.trust-name}") String trustName) {
        this.accounts = accounts;
        this.codes = codes;
        this.hasher = hasher;
        this.limits = limits;
        this.clock = clock;
        this.trustName = trustName;
    }

    /**
     * Known number or not, the same work: a code, its hash, a row and a text in the outbox. For a number no contact
     * has, the row is a {@link State#DECOY} and the outbox cancels its text instead of sending it; so neither the
     * answer nor its time tells a stranger whether the number is a parent's.
     */
    void requestCode(String typedMobile, String client) {
        String mobile = mobile(typedMobile);
        LocalDateTime now = now();
        limits.check(mobile, client, now);
        Optional<ContactRecord> contact = accounts.parentByMobile(mobile);
        String code = hasher.newCode();
        String hash = hasher.hash(mobile, code);
        String unmatchable = hasher.unmatchable();
        String text = "Your " + trustName + " sign-in code is " + code + ". It expires in 10 minutes. Never share it.";
        long id = codes.replace(mobile, client, contact.isPresent() ? hash : unmatchable,
                contact.isPresent() ? State.LIVE : State.DECOY, text, now);
        if (contact.isPresent()) {
            LOG.info("Sign-in code {} for contact {} queued to be texted", id, contact.get().id());
        } else {
            LOG.info("Sign-in code {} asked for a number no contact has ({}): its text will not be sent", id,
                    UkMobile.mask(mobile));
        }
    }

    Caller verify(String typedMobile, String code) {
        String mobile = mobile(typedMobile);
        Check check = codes.check(mobile, hasher.hash(mobile, code), now());
        return switch (check.outcome()) {
            case ACCEPTED -> accounts.parentByMobile(mobile)
                    .map(contact -> {
                        LOG.info("Contact {} signed in with code {}", contact.id(), check.codeId());
                        return SignInAccounts.caller(contact);
                    })
                    .orElseThrow(ParentSignIn::noCode);
            case NO_CODE -> throw noCode();
            case EXPIRED -> throw ApiProblem.unauthorized("This code has expired: codes last 10 minutes. Ask for a new code.");
            case LOCKED -> throw ApiProblem.unauthorized(
                    "This code is locked after " + SignInCodeStore.MAX_ATTEMPTS + " wrong tries. Ask for a new code.");
            case WRONG -> throw check.triesLeft() > 0
                    ? ApiProblem.unauthorized("That code is not right. Check the latest text and try again ("
                    + check.triesLeft() + (check.triesLeft() == 1 ? " try" : " tries") + " left).")
                    : ApiProblem.unauthorized("That code is not right, and after " + SignInCodeStore.MAX_ATTEMPTS
                    + " wrong tries it is now locked. Ask for a new code.");
        };
    }

    private static ApiProblem noCode() {
        return ApiProblem.unauthorized("No sign-in code is waiting for this number. Ask for a new code.");
    }

    private static String mobile(String typed) {
        return UkMobile.parse(typed).map(UkMobile::e164)
                .orElseThrow(() -> ApiProblem.invalid("mobile", "Enter a UK mobile number, like 07700 900123"));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
