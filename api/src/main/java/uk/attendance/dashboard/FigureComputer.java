package uk.attendance.dashboard;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.register.RegisterService;
import uk.attendance.rules.Category;
import uk.attendance.school.SchoolYear;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Recomputes one school's figures for one academic year from the register's {@code mark_month} rows (each pupil's
 * own sessions: calendar sessions while on roll, rule book section 2), the pupils as they are now and the calendar,
 * and replaces that school's rows of {@code dashboard_week} and {@code dashboard_group} in one transaction.
 * Population: every pupil of the school with at least one possible session in the period, leavers and pupils not of
 * compulsory school age included (as the school figure parents see, {@code overview.SchoolFigures}).
 */
@Singleton
class FigureComputer {
    private static final int POSSIBLE = 0;
    private static final int ATTENDED = 1;
    private static final int AUTHORISED = 2;
    private static final int UNAUTHORISED = 3;

    private final RegisterService register;
    private final PupilService pupils;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    FigureComputer(RegisterService register, PupilService pupils, TransactionOperations<Connection> transactions,
                   Clock clock) {
        this.register = register;
        this.pupils = pupils;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Sums of one group at the end of one week (year to date). */
    private static final class Sums {
        int pupils;
        int possible;
        int attended;
        int authorised;
        int unauthorised;
        int persistent;
        int severe;
    }

    private record GroupKey(Dimension dimension, String value) {
    }

    void recompute(long schoolId, SchoolYear year) {
        AcademicWeeks weeks = new AcademicWeeks(year);
        int last = weeks.lastWeek();
        Map<Long, int[][]> byPupil = new HashMap<>();
        register.eachMonthOfSchool(schoolId, year.firstDay(), year.lastDay(), (pupilId, month, code, sessions) -> {
            Category category = code.category();
            if (!category.possible()) {
                return;
            }
            int[][] perWeek = byPupil.computeIfAbsent(pupilId, k -> new int[last + 1][4]);
            long bits = sessions;
            while (bits != 0) {
                int position = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int week = weeks.weekOf(month.plusDays(position / 2));
                perWeek[week][POSSIBLE]++;
                if (category.attended()) {
                    perWeek[week][ATTENDED]++;
                } else if (category == Category.AUTHORISED) {
                    perWeek[week][AUTHORISED]++;
                } else {
                    perWeek[week][UNAUTHORISED]++;
                }
            }
        });
        int[][] school = new int[last + 1][4];
        List<Map<GroupKey, Sums>> groups = new java.util.ArrayList<>();
        for (int w = 0; w <= last; w++) {
            groups.add(new TreeMap<>(java.util.Comparator.comparing(GroupKey::dimension).thenComparing(GroupKey::value)));
        }
        for (PupilRecord pupil : pupils.ofSchool(schoolId, Optional.empty(), Optional.empty())) {
            int[][] perWeek = byPupil.get(pupil.id());
            if (perWeek == null) {
                continue;
            }
            GroupKey[] keys = new GroupKey[Dimension.values().length];
            for (Dimension d : Dimension.values()) {
                keys[d.ordinal()] = new GroupKey(d, d.valueOf(pupil));
            }
            int[] total = new int[4];
            for (int w = 1; w <= last; w++) {
                for (int i = 0; i < 4; i++) {
                    school[w][i] += perWeek[w][i];
                    total[i] += perWeek[w][i];
                }
                if (total[POSSIBLE] == 0) {
                    continue;
                }
                int absent = total[AUTHORISED] + total[UNAUTHORISED];
                boolean persistent = 10L * absent >= total[POSSIBLE];
                boolean severe = 2L * absent >= total[POSSIBLE];
                for (GroupKey key : keys) {
                    Sums s = groups.get(w).computeIfAbsent(key, k -> new Sums());
                    s.pupils++;
                    s.possible += total[POSSIBLE];
                    s.attended += total[ATTENDED];
                    s.authorised += total[AUTHORISED];
                    s.unauthorised += total[UNAUTHORISED];
                    s.persistent += persistent ? 1 : 0;
                    s.severe += severe ? 1 : 0;
                }
            }
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        transactions.executeWrite(status -> {
            write(status.getConnection(), schoolId, year.startYear(), school, groups, now);
            return null;
        });
    }

    private static void write(Connection connection, long schoolId, int startYear, int[][] school,
                              List<Map<GroupKey, Sums>> groups, LocalDateTime now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM dashboard_week WHERE school_id = ? AND start_year = ?")) {
            delete.setLong(1, schoolId);
            delete.setInt(2, startYear);
            delete.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM dashboard_group WHERE school_id = ? AND start_year = ?")) {
            delete.setLong(1, schoolId);
            delete.setInt(2, startYear);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dashboard_week (school_id, start_year,"
                + " week, possible, attended, authorised, unauthorised) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int w = 1; w < school.length; w++) {
                if (school[w][POSSIBLE] == 0) {
                    continue;
                }
                insert.setLong(1, schoolId);
                insert.setInt(2, startYear);
                insert.setInt(3, w);
                for (int i = 0; i < 4; i++) {
                    insert.setInt(4 + i, school[w][i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dashboard_group (start_year, week,"
                + " school_id, dimension, value, pupils, possible, attended, authorised, unauthorised, persistent, severe)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (int w = 1; w < groups.size(); w++) {
                for (Map.Entry<GroupKey, Sums> e : groups.get(w).entrySet()) {
                    Sums s = e.getValue();
                    insert.setInt(1, startYear);
                    insert.setInt(2, w);
                    insert.setLong(3, schoolId);
                    insert.setString(4, e.getKey().dimension().name());
                    insert.setString(5, e.getKey().value());
                    insert.setInt(6, s.pupils);
                    insert.setInt(7, s.possible);
                    insert.setInt(8, s.attended);
                    insert.setInt(9, s.authorised);
                    insert.setInt(10, s.unauthorised);
                    insert.setInt(11, s.persistent);
                    insert.setInt(12, s.severe);
                    insert.addBatch();
                    if (++batched % 2_000 == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement computed = connection.prepareStatement("INSERT INTO dashboard_computed (school_id,"
                + " start_year, computed_at) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE computed_at = VALUES(computed_at)")) {
            computed.setLong(1, schoolId);
            computed.setInt(2, startYear);
            computed.setObject(3, now);
            computed.executeUpdate();
        }
    }
}
