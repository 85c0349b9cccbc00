package uk.attendance.auth;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Slows password guessing without letting a stranger lock anyone out. Failures are counted per account <em>and</em>
 * client address: after {@value #FREE_FAILURES} wrong passwords for an account from one client, that client waits
 * before trying that account again, {@link #FIRST_WAIT} after the {@value #FREE_FAILURES}th and twice as long after
 * each further one, up to {@link #LONGEST_WAIT} (failures older than {@link #PAIR_WINDOW} are forgotten). The same
 * account from any other address is not slowed at all. A client that fails {@value #PER_CLIENT} times in
 * {@link #CLIENT_WINDOW} on whatever accounts (guessing many accounts, one password each) waits until the oldest of
 * those leaves the window. Counted in the database, so the limits hold across instances; a refused attempt is not
 * counted, so waiting is never extended by trying.
 */
@Singleton
class StaffSignInLimits {
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration PAIR_WINDOW = Duration.ofHours(1);
    static final int PER_CLIENT = 100;
    static final Duration CLIENT_WINDOW = Duration.ofMinutes(15);
    /** Enough failures to reach the longest wait. */
    private static final int PAIR_ROWS = FREE_FAILURES + 10;
    private final StaffSignInFailureRepository failures;
    private final Clock clock;

    StaffSignInLimits(StaffSignInFailureRepository failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    /** @throws TooManySignIns when this client must wait before trying this account (or any account) again */
    void check(String email, String client) {
        LocalDateTime now = now();
        failures.failureOfClient(client, now.minus(CLIENT_WINDOW), PER_CLIENT - 1).ifPresent(oldestCounted -> {
            throw new TooManySignIns("Too many failed sign-ins from your network. Try again in "
                    + inWords(Duration.between(now, oldestCounted.plus(CLIENT_WINDOW))) + ".",
                    Duration.between(now, oldestCounted.plus(CLIENT_WINDOW)));
        });
        List<LocalDateTime> pair = failures.failuresOfPair(key(email), client, now.minus(PAIR_WINDOW), PAIR_ROWS);
        if (pair.size() >= FREE_FAILURES) {
            LocalDateTime until = pair.get(0).plus(waitAfter(pair.size()));
            if (now.isBefore(until)) {
                Duration wait = Duration.between(now, until);
                throw new TooManySignIns("Too many wrong passwords for this account from your device. Try again in "
                        + inWords(wait) + ".", wait);
            }
        }
    }

    void failed(String email, String client) {
        failures.save(new StaffSignInFailureRecord(null, key(email), client, now()));
    }

    /** The wait after {@code failures} (at least {@value #FREE_FAILURES}) wrong passwords from one client. */
    static Duration waitAfter(int failures) {
        int doublings = failures - FREE_FAILURES;
        if (doublings >= 20) {
            return LONGEST_WAIT;
        }
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static String inWords(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    private static String key(String email) {
        String e = email.strip().toLowerCase(Locale.ROOT);
        return e.length() > 254 ? e.substring(0, 254) : e;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
