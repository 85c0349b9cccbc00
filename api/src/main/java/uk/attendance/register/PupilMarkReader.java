package uk.attendance.register;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import uk.attendance.rules.PupilSessions;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.Session;
import uk.attendance.rules.SessionMark;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The reads behind a parent's attendance screens (summary, calendar, penalty status), in plain JDBC from
 * {@code mark_month} ({@link MarkMonths}): a year of a pupil is a dozen rows of (month, code, sessions as bits), where
 * {@code mark} has four hundred. They run on every app open (see infra/bench). Partial months at the ends of a range
 * are cut to it bit by bit, and every month to the pupil's sessions ({@link PupilSessions}): a mark on a day the calendar
 * has no session, or off roll, is read by none of the three.
 */
@Singleton
class PupilMarkReader {
    private static final String MONTHS = "SELECT month, code, sessions FROM mark_month"
            + " WHERE pupil_id = ? AND month BETWEEN ? AND ? AND sessions <> 0";
    private static final String UNAUTHORISED = MONTHS + " AND code IN ('G', 'N', 'O', 'U')";

    private static final int PUPILS_PER_QUERY = 1_000;

    private final DataSource dataSource;

    PupilMarkReader(DataSource dataSource) {
        // the pool itself: these reads need no transaction, so no contextual connection either
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** In date and session order. */
    List<SessionMark> marks(long pupilId, PupilSessions pupilSessions, LocalDate from, LocalDate to) {
        return sessionMarks(MONTHS, pupilId, pupilSessions, from, to);
    }

    List<SessionMark> unauthorisedMarks(long pupilId, PupilSessions pupilSessions, LocalDate from, LocalDate to) {
        return sessionMarks(UNAUTHORISED, pupilId, pupilSessions, from, to);
    }

    Map<RegisterCode, Long> codeCounts(long pupilId, PupilSessions pupilSessions, LocalDate from, LocalDate to) {
        Map<RegisterCode, Long> counts = new EnumMap<>(RegisterCode.class);
        query(MONTHS, pupilId, pupilSessions, from, to, (month, code, sessions) -> {
            long n = Long.bitCount(sessions);
            if (n > 0) {
                counts.merge(code, n, Long::sum);
            }
        });
        return counts;
    }

    /** The same counts over many pupils (a school's figure), each cut to that pupil's own sessions. */
    Map<RegisterCode, Long> codeCounts(Map<Long, PupilSessions> pupils, LocalDate from, LocalDate to) {
        Map<RegisterCode, Long> counts = new EnumMap<>(RegisterCode.class);
        eachMonth(pupils, from, to, (pupilId, month, code, sessions) ->
                counts.merge(code, (long) Long.bitCount(sessions), Long::sum));
        return counts;
    }

    /** Every (pupil, month, code) of many pupils with its sessions as bits, cut to the range and the pupil's sessions. */
    void eachMonth(Map<Long, PupilSessions> pupils, LocalDate from, LocalDate to, PupilMonths reader) {
        List<Long> ids = List.copyOf(pupils.keySet());
        for (int start = 0; start < ids.size(); start += PUPILS_PER_QUERY) {
            List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + PUPILS_PER_QUERY));
            String sql = "SELECT pupil_id, month, code, sessions FROM mark_month WHERE pupil_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ") AND month BETWEEN ? AND ?"
                    + " AND sessions <> 0";
            Map<String, Long> masks = new java.util.HashMap<>();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                for (long id : chunk) {
                    statement.setLong(i++, id);
                }
                statement.setObject(i++, from.withDayOfMonth(1));
                statement.setObject(i, to.withDayOfMonth(1));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        long pupilId = rows.getLong(1);
                        LocalDate month = rows.getObject(2, LocalDate.class);
                        long sessions = rows.getLong(4) & masks.computeIfAbsent(pupilId + " " + month,
                                k -> within(month, from, to) & pupilSessions(month, pupils.get(pupilId)));
                        if (sessions != 0) {
                            RegisterCode.fromSymbol(rows.getString(3))
                                    .ifPresent(code -> reader.read(pupilId, month, code, sessions));
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Reading the marks of " + chunk.size() + " pupils failed", e);
            }
        }
    }

    /**
     * The month rows of many pupils (a school's), each cut to the range and to that pupil's own sessions: a school's
     * year is a few thousand rows, where {@code mark} has a hundred times more.
     */
    List<MarkMonth> monthRows(Map<Long, PupilSessions> pupils, LocalDate from, LocalDate to) {
        List<MarkMonth> months = new ArrayList<>();
        eachMonth(pupils, from, to, (pupilId, month, code, sessions) -> months.add(new MarkMonth(pupilId, month, code, sessions)));
        return months;
    }

    private List<SessionMark> sessionMarks(String sql, long pupilId, PupilSessions pupilSessions, LocalDate from, LocalDate to) {
        List<SessionMark> marks = new ArrayList<>();
        query(sql, pupilId, pupilSessions, from, to, (month, code, sessions) -> {
            long bits = sessions;
            while (bits != 0) {
                int position = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                marks.add(new SessionMark(month.plusDays(position / 2), position % 2 == 0 ? Session.AM : Session.PM, code));
            }
        });
        marks.sort(SESSION_ORDER);
        return marks;
    }

    private static final java.util.Comparator<SessionMark> SESSION_ORDER =
            java.util.Comparator.comparing(SessionMark::date).thenComparing(SessionMark::session);

    /** The bits of {@code month}'s sessions that fall within {@code [from, to]}. */
    static long within(LocalDate month, LocalDate from, LocalDate to) {
        int first = from.isAfter(month) ? MarkMonths.position(from, Session.AM) : 0;
        LocalDate monthEnd = month.withDayOfMonth(month.lengthOfMonth());
        int last = to.isBefore(monthEnd) ? MarkMonths.position(to, Session.PM) : 63;
        if (last < first) {
            return 0;
        }
        long upTo = last >= 63 ? -1L : (1L << (last + 1)) - 1;
        return upTo & (-1L << first);
    }

    /** The bits of {@code month}'s sessions that are the pupil's sessions. */
    static long pupilSessions(LocalDate month, PupilSessions pupilSessions) {
        long bits = 0;
        for (LocalDate day = month; day.getMonthValue() == month.getMonthValue(); day = day.plusDays(1)) {
            for (Session session : Session.values()) {
                if (pupilSessions.includes(day, session)) {
                    bits |= MarkMonths.bit(day, session);
                }
            }
        }
        return bits;
    }

    /** Reads a month's sessions already cut to the range and to the pupil's sessions. */
    private interface MonthReader {
        void read(LocalDate month, RegisterCode code, long sessions);
    }

    private void query(String sql, long pupilId, PupilSessions pupilSessions, LocalDate from, LocalDate to, MonthReader reader) {
        Map<LocalDate, Long> masks = new java.util.HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, pupilId);
            statement.setObject(2, from.withDayOfMonth(1));
            statement.setObject(3, to.withDayOfMonth(1));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    LocalDate month = rows.getObject(1, LocalDate.class);
                    long sessions = rows.getLong(3) & masks.computeIfAbsent(month,
                            m -> within(m, from, to) & pupilSessions(m, pupilSessions));
                    if (sessions != 0) {
                        RegisterCode.fromSymbol(rows.getString(2)).ifPresent(code -> reader.read(month, code, sessions));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the marks of pupil " + pupilId + " failed", e);
        }
    }
}
