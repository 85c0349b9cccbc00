package uk.attendance.auth;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * At most 5 codes per number and 20 per client address in any 15 minutes, counted in {@code sign_in_code}
 * so the limits hold across instances. Refused requests store nothing, so they do not extend the wait.
 */
@Singleton
class SignInRateLimits {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_NUMBER = 5;
    static final int PER_CLIENT = 20;
    private final SignInCodeRepository codes;

    SignInRateLimits(SignInCodeRepository codes) {
        this.codes = codes;
    }

    void check(String mobile, String client, LocalDateTime now) {
        LocalDateTime since = now.minus(WINDOW);
        if (codes.countByClientAndCreatedAtGreaterThan(client, since) >= PER_CLIENT) {
            throw new TooManySignIns("Too many sign-in codes were asked for from your network. Wait 15 minutes, then try again.", WINDOW);
        }
        if (codes.countByMobileAndCreatedAtGreaterThan(mobile, since) >= PER_NUMBER) {
            throw new TooManySignIns("Too many sign-in codes were asked for this number. Wait 15 minutes, then ask again.", WINDOW);
        }
    }
}
