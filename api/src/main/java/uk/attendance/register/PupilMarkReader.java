package uk.attendance.register;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.Session;
import uk.attendance.rules.SessionMark;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The reads behind a parent's attendance screens (summary, calendar, penalty status), in plain JDBC: they run on
 * every app open, and the repository mapping layer cost more CPU than the query itself (see infra/bench).
 * Rows come straight from the covering index {@code ix_mark_pupil_codes}.
 */
@Singleton
class PupilMarkReader {
    private static final String MARKS = "SELECT session_date, session, code FROM mark"
            + " WHERE pupil_id = ? AND session_date BETWEEN ? AND ?";
    private static final String UNAUTHORISED = MARKS + " AND code IN ('G', 'N', 'O', 'U')";
    private static final String COUNTS = "SELECT code, COUNT(*) FROM mark"
            + " WHERE pupil_id = ? AND session_date BETWEEN ? AND ? GROUP BY code";

    private final DataSource dataSource;

    PupilMarkReader(DataSource dataSource) {
        // the pool itself: these reads need no transaction, so no contextual connection either
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    List<SessionMark> marks(long pupilId, LocalDate from, LocalDate to) {
        return sessionMarks(MARKS, pupilId, from, to);
    }

    List<SessionMark> unauthorisedMarks(long pupilId, LocalDate from, LocalDate to) {
        return sessionMarks(UNAUTHORISED, pupilId, from, to);
    }

    Map<RegisterCode, Long> codeCounts(long pupilId, LocalDate from, LocalDate to) {
        Map<RegisterCode, Long> counts = new EnumMap<>(RegisterCode.class);
        query(COUNTS, pupilId, from, to, rows -> {
            while (rows.next()) {
                long sessions = rows.getLong(2);
                RegisterCode.fromSymbol(rows.getString(1)).ifPresent(code -> counts.merge(code, sessions, Long::sum));
            }
        });
        return counts;
    }

    private List<SessionMark> sessionMarks(String sql, long pupilId, LocalDate from, LocalDate to) {
        List<SessionMark> marks = new ArrayList<>();
        query(sql, pupilId, from, to, rows -> {
            while (rows.next()) {
                LocalDate date = rows.getDate(1).toLocalDate();
                Session session = Session.valueOf(rows.getString(2));
                RegisterCode.fromSymbol(rows.getString(3)).ifPresent(code -> marks.add(new SessionMark(date, session, code)));
            }
        });
        return marks;
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, long pupilId, LocalDate from, LocalDate to, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, pupilId);
            statement.setDate(2, Date.valueOf(from));
            statement.setDate(3, Date.valueOf(to));
            try (ResultSet rows = statement.executeQuery()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the marks of pupil " + pupilId + " failed", e);
        }
    }
}
