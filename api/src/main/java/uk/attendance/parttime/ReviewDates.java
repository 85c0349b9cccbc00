package uk.attendance.parttime;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** An agreement's planned review dates as stored: ISO dates, ascending, each once, comma-separated. */
final class ReviewDates {
    private ReviewDates() {
    }

    static String format(Collection<LocalDate> dates) {
        return dates.stream().distinct().sorted().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    static List<LocalDate> parse(String stored) {
        return Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).map(LocalDate::parse).toList();
    }
}
