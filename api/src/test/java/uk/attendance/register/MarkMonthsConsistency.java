package uk.attendance.register;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The read model {@code mark_month} recomputed from {@code mark} for the whole database: after a test class has written
 * marks through its paths (registers, amendments, reports, leave, the N→O sweep, MIS imports, bulk loads), the two must
 * agree exactly.
 */
public final class MarkMonthsConsistency {
    private static final String FROM_MARKS = "SELECT pupil_id, DATE_FORMAT(session_date, '%Y-%m-01') AS month, code,"
            + " BIT_OR(1 << ((DAYOFMONTH(session_date) - 1) * 2 + (session = 'PM'))) AS sessions FROM mark"
            + " GROUP BY pupil_id, DATE_FORMAT(session_date, '%Y-%m-01'), code";
    private static final String KEPT = "SELECT pupil_id, DATE_FORMAT(month, '%Y-%m-01') AS month, code, sessions"
            + " FROM mark_month WHERE sessions <> 0";

    private MarkMonthsConsistency() {
    }

    /** @return how many (pupil, month, code) rows were compared */
    public static int assertKeptInStep(DataSource dataSource) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            Map<String, Long> fromMarks = rows(connection, FROM_MARKS);
            Map<String, Long> kept = rows(connection, KEPT);
            assertTrue(!fromMarks.isEmpty(), "no marks to compare");
            assertEquals(fromMarks, kept, "mark_month must hold exactly the sessions of mark, by pupil, month and code");
            return kept.size();
        }
    }

    private static Map<String, Long> rows(Connection connection, String sql) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet r = statement.executeQuery(sql)) {
            while (r.next()) {
                rows.put(r.getLong(1) + " " + r.getString(2) + " " + r.getString(3), r.getLong(4));
            }
        }
        return rows;
    }
}
