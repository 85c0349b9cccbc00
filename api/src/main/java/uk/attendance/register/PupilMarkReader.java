package uk.attendance.register;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.Session;
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
 * are cut to it bit by bit.
 */
@Singleton
class PupilMarkReader {
    private static final String MONTHS = "SELECT month, code, sessions FROM mark_month"
            + " WHERE pupil_id = ? AND month BETWEEN ? AND ? AND sessions <> 0";
    private static final String UNAUTHORISED = MONTHS + " AND code IN ('G', 'N', 'O', 'U')";

    private final DataSource dataSource;

    PupilMarkReader(DataSource dataSource) {
        // the pool itself: these reads need no transaction, so no contextual connection either
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** In date and session order. */
    List<SessionMark> marks(long pupilId, LocalDate from, LocalDate to) {
        return sessionMarks(MONTHS, pupilId, from, to);
    }

    List<SessionMark> unauthorisedMarks(long pupilId, LocalDate from, LocalDate to) {
        return sessionMarks(UNAUTHORISED, pupilId, from, to);
    }

    Map<RegisterCode, Long> codeCounts(long pupilId, LocalDate from, LocalDate to) {
        Map<RegisterCode, Long> counts = new EnumMap<>(RegisterCode.class);
        query(MONTHS, pupilId, from, to, (month, code, sessions) -> {
            long n = Long.bitCount(sessions & within(month, from, to));
            if (n > 0) {
                counts.merge(code, n, Long::sum);
            }
        });
        return counts;
    }

    private List<SessionMark> sessionMarks(String sql, long pupilId, LocalDate from, LocalDate to) {
        List<SessionMark> marks = new ArrayList<>();
        query(sql, pupilId, from, to, (month, code, sessions) -> {
            long bits = sessions & within(month, from, to);
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

    private interface MonthReader {
        void read(LocalDate month, RegisterCode code, long sessions);
    }

    private void query(String sql, long pupilId, LocalDate from, LocalDate to, MonthReader reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, pupilId);
            statement.setObject(2, from.withDayOfMonth(1));
            statement.setObject(3, to.withDayOfMonth(1));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    LocalDate month = rows.getObject(1, LocalDate.class);
                    long sessions = rows.getLong(3);
                    RegisterCode.fromSymbol(rows.getString(2)).ifPresent(code -> reader.read(month, code, sessions));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the marks of pupil " + pupilId + " failed", e);
        }
    }
}
