package uk.attendance.auth;

import jakarta.inject.Singleton;
import uk.attendance.platform.ApiProblem;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * At most 10 failed staff sign-ins per account and 50 per client address in any 15 minutes, counted in the
 * database so the limits hold across instances. Once reached, even the right password waits.
 */
@Singleton
class StaffSignInLimits {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_ACCOUNT = 10;
    static final int PER_CLIENT = 50;
    private final StaffSignInFailureRepository failures;
    private final Clock clock;

    StaffSignInLimits(StaffSignInFailureRepository failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    void check(String email, String client) {
        LocalDateTime since = now().minus(WINDOW);
        if (failures.countByClientAndFailedAtGreaterThan(client, since) >= PER_CLIENT
                || failures.countByEmailAndFailedAtGreaterThan(key(email), since) >= PER_ACCOUNT) {
            throw ApiProblem.tooManyRequests("Too many sign-in attempts. Wait 15 minutes, then try again.");
        }
    }

    void failed(String email, String client) {
        failures.save(new StaffSignInFailureRecord(null, key(email), client, now()));
    }

    private static String key(String email) {
        String e = email.strip().toLowerCase(Locale.ROOT);
        return e.length() > 254 ? e.substring(0, 254) : e;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
