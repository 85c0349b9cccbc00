package uk.attendance.dashboard;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import uk.attendance.register.MarksWrittenListener;
import uk.attendance.school.SchoolYear;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which schools' figures are out of date. Every write of marks adds a row per (school, academic year) in its own
 * transaction (insert-only: register writers never wait on each other here); the refresher reads the rows, recomputes,
 * and then deletes exactly the rows it read. A row committed meanwhile stays for the next round, so no write is missed.
 */
@Singleton
class StaleFigures implements MarksWrittenListener {
    private static final String MARK = "INSERT INTO dashboard_stale (school_id, start_year) VALUES (?, ?)";

    private final DataSource dataSource;

    StaleFigures(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    record SchoolYearKey(long schoolId, int startYear) {
    }

    @Override
    public void marksWritten(Connection connection, long schoolId, Set<LocalDate> dates) throws SQLException {
        Set<Integer> years = new TreeSet<>();
        dates.forEach(d -> years.add(SchoolYear.containing(d).startYear()));
        try (PreparedStatement insert = connection.prepareStatement(MARK)) {
            for (int year : years) {
                insert.setLong(1, schoolId);
                insert.setInt(2, year);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Outside any transaction of the caller's. */
    void mark(Collection<SchoolYearKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(MARK)) {
            for (SchoolYearKey key : keys) {
                insert.setLong(1, key.schoolId());
                insert.setInt(2, key.startYear());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Marking " + keys.size() + " dashboards stale failed", e);
        }
    }

    /** The stale (school, year) pairs, oldest first, each with the ids of the rows that made it stale. */
    Map<SchoolYearKey, List<Long>> read(int limit) {
        Map<SchoolYearKey, List<Long>> stale = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, school_id, start_year FROM dashboard_stale ORDER BY id LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stale.computeIfAbsent(new SchoolYearKey(rows.getLong(2), rows.getInt(3)), k -> new ArrayList<>())
                            .add(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading stale dashboards failed", e);
        }
        return stale;
    }

    void done(List<Long> ids) {
        try (Connection connection = dataSource.getConnection()) {
            for (int start = 0; start < ids.size(); start += 1_000) {
                List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + 1_000));
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM dashboard_stale WHERE id IN ("
                        + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")")) {
                    int i = 1;
                    for (long id : chunk) {
                        delete.setLong(i++, id);
                    }
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Clearing stale dashboards failed", e);
        }
    }

    /** The (school, year) pairs that have figures. */
    Set<SchoolYearKey> computed() {
        Set<SchoolYearKey> computed = new java.util.HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT school_id, start_year FROM dashboard_computed");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                computed.add(new SchoolYearKey(rows.getLong(1), rows.getInt(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading computed dashboards failed", e);
        }
        return computed;
    }
}
