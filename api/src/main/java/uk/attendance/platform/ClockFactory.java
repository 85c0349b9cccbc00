package uk.attendance.platform;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The one source of "now". {@code attendance.clock.fixed} (env {@code ATTENDANCE_CLOCK_FIXED}),
 * an ISO instant, freezes it for demos and end-to-end tests.
 */
@Factory
class ClockFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ClockFactory.class);

    @Singleton
    Clock clock(@Value("${attendance.clock.fixed:}") Optional<String> fixed) {
        return fixed.filter(s -> !s.isBlank())
                .map(s -> {
                    LOG.warn("Clock fixed at {}", s);
                    return Clock.fixed(Instant.parse(s), ZoneOffset.UTC);
                })
                .orElseGet(Clock::systemUTC);
    }
}
