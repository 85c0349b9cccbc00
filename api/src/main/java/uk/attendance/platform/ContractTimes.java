package uk.attendance.platform;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * How the contract writes times: instants stored as UTC {@link LocalDateTime}s become {@code date-time}s in UTC to
 * the second, and times of day (arrivals, appointments) {@code HH:mm}. A missing value stays missing.
 */
public final class ContractTimes {
    private ContractTimes() {
    }

    public static ZonedDateTime utc(LocalDateTime storedUtc) {
        return storedUtc == null ? null : storedUtc.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC);
    }

    public static String hhmm(LocalTime timeOfDay) {
        return timeOfDay == null ? null : timeOfDay.truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
