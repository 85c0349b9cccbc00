package uk.attendance.dashboard;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads the precomputed figures of one or many schools: a few hundred to a few thousand rows, summed by the database. */
@Singleton
class FigureReader {
    private static final String SUMS = "SUM(pupils), SUM(possible), SUM(attended), SUM(authorised), SUM(unauthorised),"
            + " SUM(persistent), SUM(severe)";

    private final DataSource dataSource;

    FigureReader(DataSource dataSource) {
        // the pool itself: these reads need no transaction
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Each group summed over the schools, year to date at the end of the week. */
    List<Figures> groups(Collection<Long> schoolIds, int startYear, int week) {
        List<Figures> rows = new ArrayList<>();
        query("SELECT dimension, value, " + SUMS + " FROM dashboard_group WHERE start_year = ? AND week = ? AND school_id IN ("
                + marks(schoolIds) + ") GROUP BY dimension, value", schoolIds, List.of(startYear, week), r -> {
            Dimension dimension = Dimension.valueOf(r.getString(1));
            rows.add(figures(dimension, r.getString(2), r, 3));
        });
        return rows;
    }

    /** Each school's whole-school figures, year to date at the end of the week. */
    Map<Long, Figures> bySchool(Collection<Long> schoolIds, int startYear, int week) {
        Map<Long, Figures> rows = new HashMap<>();
        query("SELECT school_id, " + SUMS + " FROM dashboard_group WHERE start_year = ? AND week = ? AND dimension = 'ALL'"
                + " AND school_id IN (" + marks(schoolIds) + ") GROUP BY school_id", schoolIds, List.of(startYear, week),
                r -> rows.put(r.getLong(1), figures(Dimension.ALL, "ALL", r, 2)));
        return rows;
    }

    /** The weeks with sessions, in order. */
    List<WeekFigures> weeks(Collection<Long> schoolIds, int startYear) {
        Map<Integer, long[]> toDate = new HashMap<>();
        query("SELECT week, SUM(pupils), SUM(persistent), SUM(severe) FROM dashboard_group WHERE school_id IN ("
                + marks(schoolIds) + ") AND start_year = ? AND dimension = 'ALL' GROUP BY week", schoolIds,
                List.of(startYear), r -> toDate.put(r.getInt(1), new long[]{r.getLong(2), r.getLong(3), r.getLong(4)}));
        Map<Integer, WeekFigures> weeks = new TreeMap<>();
        query("SELECT week, SUM(possible), SUM(attended), SUM(authorised), SUM(unauthorised) FROM dashboard_week"
                + " WHERE school_id IN (" + marks(schoolIds) + ") AND start_year = ? GROUP BY week", schoolIds,
                List.of(startYear), r -> {
                    int week = r.getInt(1);
                    long[] d = toDate.getOrDefault(week, new long[3]);
                    weeks.put(week, new WeekFigures(week, r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                            d[0], d[1], d[2]));
                });
        return List.copyOf(weeks.values());
    }

    /** When the least recently computed of the schools' figures were computed; empty if one has none yet. */
    Optional<Instant> computedAt(Collection<Long> schoolIds, int startYear) {
        List<LocalDateTime> at = new ArrayList<>();
        int[] count = {0};
        query("SELECT COUNT(*), MIN(computed_at) FROM dashboard_computed WHERE school_id IN (" + marks(schoolIds)
                + ") AND start_year = ?", schoolIds, List.of(startYear), r -> {
                    count[0] = r.getInt(1);
                    LocalDateTime min = r.getObject(2, LocalDateTime.class);
                    if (min != null) {
                        at.add(min);
                    }
                });
        if (at.isEmpty() || count[0] < new java.util.HashSet<>(schoolIds).size()) {
            return Optional.empty();
        }
        return Optional.of(at.get(0).toInstant(ZoneOffset.UTC));
    }

    private static Figures figures(Dimension dimension, String value, ResultSet r, int from) throws SQLException {
        return new Figures(dimension, value, r.getLong(from), r.getLong(from + 1), r.getLong(from + 2),
                r.getLong(from + 3), r.getLong(from + 4), r.getLong(from + 5), r.getLong(from + 6));
    }

    private interface Row {
        void read(ResultSet r) throws SQLException;
    }

    private static String marks(Collection<Long> ids) {
        return String.join(", ", java.util.Collections.nCopies(Math.max(1, ids.size()), "?"));
    }

    /** The school ids first (as in the IN list), then the other parameters; the IN list's position is given by the SQL. */
    private void query(String sql, Collection<Long> schoolIds, List<Integer> others, Row row) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            boolean idsFirst = sql.indexOf("school_id IN") < sql.indexOf("start_year = ?");
            if (!idsFirst) {
                for (int o : others) {
                    statement.setInt(i++, o);
                }
            }
            if (schoolIds.isEmpty()) {
                statement.setLong(i++, -1L);
            }
            for (long id : schoolIds) {
                statement.setLong(i++, id);
            }
            if (idsFirst) {
                for (int o : others) {
                    statement.setInt(i++, o);
                }
            }
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    row.read(r);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading dashboard figures failed", e);
        }
    }
}
