package uk.attendance.register;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import uk.attendance.rules.calendar.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps {@code mark_month} (a pupil's sessions by month and code, one bit a session) in step with {@code mark}: every
 * write of a mark calls {@link #record} in the same transaction, so the two always commit together.
 */
@Singleton
class MarkMonths {
    /** Rewritten into multi-row INSERTs by Connector/J (no placeholder after ON DUPLICATE KEY UPDATE). */
    private static final String SET = "INSERT INTO mark_month (pupil_id, month, code, sessions) VALUES (?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE sessions = sessions | VALUES(sessions)";
    private static final String CLEAR = "UPDATE mark_month SET sessions = sessions & ~? WHERE pupil_id = ? AND month = ?"
            + " AND code = ?";

    private final JdbcOperations jdbc;
    private final List<MarksWrittenListener> listeners;

    MarkMonths(JdbcOperations jdbc, List<MarksWrittenListener> listeners) {
        this.jdbc = jdbc;
        this.listeners = listeners;
    }

    /** Tells the listeners, in the caller's transaction, that a school's marks on these dates were written. */
    void written(long schoolId, java.util.Set<LocalDate> dates) {
        if (!dates.isEmpty() && !listeners.isEmpty()) {
            jdbc.execute(connection -> {
                tell(listeners, connection, schoolId, dates);
                return null;
            });
        }
    }

    static void tell(List<MarksWrittenListener> listeners, Connection connection, long schoolId,
                     java.util.Set<LocalDate> dates) throws SQLException {
        for (MarksWrittenListener listener : listeners) {
            listener.marksWritten(connection, schoolId, dates);
        }
    }

    /** One session's code set, and the code it had before (when it had one and it changed). */
    record Change(long pupilId, LocalDate date, Session session, String code, java.util.Optional<String> previous) {
        static Change fresh(long pupilId, LocalDate date, Session session, String code) {
            return new Change(pupilId, date, session, code, java.util.Optional.empty());
        }
    }

    private static final String FROM_MARKS = "SELECT pupil_id, DATE_FORMAT(session_date, '%Y-%m-01'), code,"
            + " BIT_OR(1 << ((DAYOFMONTH(session_date) - 1) * 2 + (session = 'PM'))) FROM mark"
            + " GROUP BY pupil_id, DATE_FORMAT(session_date, '%Y-%m-01'), code";
    private static final String KEPT = "SELECT pupil_id, DATE_FORMAT(month, '%Y-%m-01'), code, sessions FROM mark_month"
            + " WHERE sessions <> 0";

    /** @param wrongBefore (pupil, month, code) rows that were missing, stale or extra before the rebuild */
    record Rebuilt(int rows, int wrongBefore) {
    }

    /**
     * Recomputes {@code mark_month} from {@code mark} in one transaction (mark writes wait for it: about half a minute for
     * four million marks). For an operator after anything wrote marks without it, e.g. instances of a version before
     * V12 still running while a newer one migrated the database: {@code java -jar api.jar rebuild-mark-month}.
     */
    @io.micronaut.transaction.annotation.Transactional
    Rebuilt rebuild() {
        return jdbc.execute(connection -> {
            Map<String, Long> before = rows(connection, KEPT);
            Map<String, Long> wanted = rows(connection, FROM_MARKS);
            java.util.Set<String> keys = new java.util.HashSet<>(before.keySet());
            keys.addAll(wanted.keySet());
            int wrong = (int) keys.stream().filter(k -> !java.util.Objects.equals(before.get(k), wanted.get(k))).count();
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM mark_month");
                int rows = statement.executeUpdate("INSERT INTO mark_month (pupil_id, month, code, sessions) " + FROM_MARKS);
                return new Rebuilt(rows, wrong);
            }
        });
    }

    private static Map<String, Long> rows(Connection connection, String sql) throws SQLException {
        Map<String, Long> rows = new java.util.HashMap<>();
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet r = statement.executeQuery(sql)) {
            while (r.next()) {
                rows.put(r.getLong(1) + " " + r.getString(2) + " " + r.getString(3), r.getLong(4));
            }
        }
        return rows;
    }

    /** Joins the caller's transaction. */
    void record(List<Change> changes) {
        if (!changes.isEmpty()) {
            jdbc.execute(connection -> {
                record(connection, changes);
                return null;
            });
        }
    }

    /** On the caller's connection (a bulk load's transaction). */
    static void record(Connection connection, List<Change> changes) throws SQLException {
        // in key order, so two transactions touching the same rows lock them in the same order
        Map<Key, Long> set = new TreeMap<>(KEY_ORDER);
        Map<Key, Long> cleared = new TreeMap<>(KEY_ORDER);
        for (Change c : changes) {
            LocalDate month = c.date().withDayOfMonth(1);
            long bit = bit(c.date(), c.session());
            c.previous().filter(p -> !p.equals(c.code()))
                    .ifPresent(p -> cleared.merge(new Key(c.pupilId(), month, p), bit, (a, b) -> a | b));
            set.merge(new Key(c.pupilId(), month, c.code()), bit, (a, b) -> a | b);
        }
        if (!cleared.isEmpty()) {
            try (PreparedStatement clear = connection.prepareStatement(CLEAR)) {
                for (Map.Entry<Key, Long> e : cleared.entrySet()) {
                    clear.setLong(1, e.getValue());
                    clear.setLong(2, e.getKey().pupilId());
                    clear.setObject(3, e.getKey().month());
                    clear.setString(4, e.getKey().code());
                    clear.addBatch();
                }
                clear.executeBatch();
            }
        }
        try (PreparedStatement upsert = connection.prepareStatement(SET)) {
            for (Map.Entry<Key, Long> e : set.entrySet()) {
                upsert.setLong(1, e.getKey().pupilId());
                upsert.setObject(2, e.getKey().month());
                upsert.setString(3, e.getKey().code());
                upsert.setLong(4, e.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** The session's bit in its month's row: (day - 1) * 2, plus one for the afternoon. */
    static long bit(LocalDate date, Session session) {
        return 1L << position(date, session);
    }

    static int position(LocalDate date, Session session) {
        return (date.getDayOfMonth() - 1) * 2 + (session == Session.PM ? 1 : 0);
    }

    private record Key(long pupilId, LocalDate month, String code) {
    }

    private static final Comparator<Key> KEY_ORDER = Comparator.comparingLong(Key::pupilId)
            .thenComparing(Key::month).thenComparing(Key::code);
}
