package uk.attendance.parttime;

import uk.attendance.rules.calendar.Session;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** A session of every week (a weekday's AM or PM) on which a pupil on a part-time timetable is not expected in school. */
public record OffSession(DayOfWeek weekday, Session session) {
    static final Comparator<OffSession> IN_WEEK_ORDER = Comparator.comparing(OffSession::weekday).thenComparing(OffSession::session);

    boolean covers(LocalDate date, Session session) {
        return date.getDayOfWeek() == weekday && this.session == session;
    }

    /** As stored: {@code WEDNESDAY_PM,FRIDAY_PM}, in week order, each once. */
    static String format(Collection<OffSession> sessions) {
        return sessions.stream().distinct().sorted(IN_WEEK_ORDER).map(s -> s.weekday() + "_" + s.session())
                .collect(Collectors.joining(","));
    }

    static List<OffSession> parse(String stored) {
        return Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).map(s -> {
            int cut = s.lastIndexOf('_');
            return new OffSession(DayOfWeek.valueOf(s.substring(0, cut)), Session.valueOf(s.substring(cut + 1)));
        }).toList();
    }
}
