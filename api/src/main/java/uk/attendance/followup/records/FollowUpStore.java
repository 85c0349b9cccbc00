package uk.attendance.followup.records;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The writes that make each step happen once: {@code INSERT IGNORE} on the step's unique key, in the caller's
 * transaction. A second sweep (or a second instance running the same sweep at the same moment, which waits on the
 * first one's uncommitted row) inserts nothing and learns so, and only the run that inserted a row notifies anyone.
 */
@Singleton
public class FollowUpStore {
    private static final String INSERT_TASK = "INSERT IGNORE INTO follow_up_task (school_id, pupil_id, school_day, kind,"
            + " state, social_worker, child_protection, looked_after, send_status, consecutive_days, created_at)"
            + " VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_ACTION = "INSERT IGNORE INTO follow_up_action (school_id, pupil_id, school_day,"
            + " step, code, outcome, detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_RUN = "INSERT IGNORE INTO follow_up_run (school_id, school_day, step, ran_at)"
            + " VALUES (?, ?, ?, ?)";
    private static final String INSERT_REPLY = "INSERT IGNORE INTO text_reply (message_sid, from_number, body, received_at,"
            + " outcome, school_id, pupil_id, school_day, contact_id, outbox_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String RUNS = "SELECT step FROM follow_up_run WHERE school_id = ? AND school_day = ?";

    private final JdbcOperations jdbc;

    FollowUpStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new task's id, or empty when the pupil already has a task of this kind that day */
    @Transactional
    public Optional<Long> insertTask(FollowUpTaskRecord t) {
        return jdbc.execute(connection -> {
            try (PreparedStatement s = connection.prepareStatement(INSERT_TASK, Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, t.schoolId());
                s.setLong(2, t.pupilId());
                s.setObject(3, t.schoolDay());
                s.setString(4, t.kind().name());
                s.setBoolean(5, t.socialWorker());
                s.setBoolean(6, t.childProtection());
                s.setBoolean(7, t.lookedAfter());
                s.setString(8, t.sendStatus());
                s.setInt(9, t.consecutiveDays());
                // a LocalDateTime goes to the DATETIME column as it is (a Timestamp would be shifted by the JVM's zone)
                s.setObject(10, t.createdAt());
                return generatedKey(s);
            }
        });
    }

    /** @return the new action's id, or empty when the step was already done for the pupil that day */
    @Transactional
    public Optional<Long> insertAction(FollowUpActionRecord a) {
        return jdbc.execute(connection -> {
            try (PreparedStatement s = connection.prepareStatement(INSERT_ACTION, Statement.RETURN_GENERATED_KEYS)) {
                bindAction(s, a);
                return generatedKey(s);
            }
        });
    }

    /** Many actions at once (the register close of a whole school); the ones already there are skipped. */
    @Transactional
    public void insertActions(List<FollowUpActionRecord> actions) {
        if (actions.isEmpty()) {
            return;
        }
        jdbc.execute(connection -> {
            try (PreparedStatement s = connection.prepareStatement(INSERT_ACTION)) {
                for (FollowUpActionRecord a : actions) {
                    bindAction(s, a);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** @return the new reply's id, or empty when Twilio delivered this message before */
    @Transactional
    public Optional<Long> insertReply(TextReplyRecord r) {
        return jdbc.execute(connection -> {
            try (PreparedStatement s = connection.prepareStatement(INSERT_REPLY, Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, r.messageSid());
                s.setString(2, r.fromNumber());
                s.setString(3, r.body());
                s.setObject(4, r.receivedAt());
                s.setString(5, r.outcome().name());
                setLong(s, 6, r.schoolId());
                setLong(s, 7, r.pupilId());
                s.setObject(8, r.schoolDay());
                setLong(s, 9, r.contactId());
                setLong(s, 10, r.outboxId());
                return generatedKey(s);
            }
        });
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    /** Records that a school-wide step has run; running it again records nothing new. */
    @Transactional
    public void recordRun(long schoolId, LocalDate day, FollowUpStep step, LocalDateTime at) {
        jdbc.execute(connection -> {
            try (PreparedStatement s = connection.prepareStatement(INSERT_RUN)) {
                s.setLong(1, schoolId);
                s.setObject(2, day);
                s.setString(3, step.name());
                s.setObject(4, at);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Transactional
    public Set<FollowUpStep> stepsRun(long schoolId, LocalDate day) {
        return jdbc.execute(connection -> {
            Set<FollowUpStep> steps = EnumSet.noneOf(FollowUpStep.class);
            try (PreparedStatement s = connection.prepareStatement(RUNS)) {
                s.setLong(1, schoolId);
                s.setObject(2, day);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        steps.add(FollowUpStep.valueOf(rows.getString(1)));
                    }
                }
            }
            return steps;
        });
    }

    private static void bindAction(PreparedStatement s, FollowUpActionRecord a) throws SQLException {
        s.setLong(1, a.schoolId());
        s.setLong(2, a.pupilId());
        s.setObject(3, a.schoolDay());
        s.setString(4, a.step().name());
        if (a.code() == null) {
            s.setNull(5, Types.VARCHAR);
        } else {
            s.setString(5, a.code());
        }
        s.setString(6, a.outcome().name());
        if (a.detail() == null) {
            s.setNull(7, Types.VARCHAR);
        } else {
            s.setString(7, a.detail());
        }
        s.setObject(8, a.createdAt());
    }

    private static Optional<Long> generatedKey(PreparedStatement s) throws SQLException {
        if (s.executeUpdate() == 0) {
            return Optional.empty();
        }
        try (ResultSet keys = s.getGeneratedKeys()) {
            return keys.next() ? Optional.of(keys.getLong(1)) : Optional.empty();
        }
    }
}
