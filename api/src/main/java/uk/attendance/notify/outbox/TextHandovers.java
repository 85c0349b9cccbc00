package uk.attendance.notify.outbox;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The marks that say "this text is being handed to Twilio" ({@code outbox_handover}). {@link #begin} commits at once on
 * a connection of its own, before the request leaves, so the mark outlives a worker killed during the request, whose
 * transaction (and row lock) the database then rolls back. The worker's own transaction {@link #end}s it with the
 * outcome, so a mark found when a message is claimed means a handover whose outcome was never recorded.
 */
@Singleton
class TextHandovers {
    private final DataSource pool;
    private final JdbcOperations jdbc;

    TextHandovers(DataSource dataSource, JdbcOperations jdbc) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.jdbc = jdbc;
    }

    /** A handover whose outcome was never recorded: it began at {@code startedAt} (UTC) on attempt {@code attempt}. */
    record Cut(long outboxId, int attempt, LocalDateTime startedAt) {
    }

    /** The cut handovers among these messages (read in the caller's transaction). */
    Map<Long, Cut> cutAmong(Collection<Long> outboxIds) {
        if (outboxIds.isEmpty()) {
            return Map.of();
        }
        String ids = outboxIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        return jdbc.execute(connection -> {
            Map<Long, Cut> cut = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT outbox_id, attempt, started_at FROM outbox_handover WHERE outbox_id IN (" + ids + ")");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    cut.put(rows.getLong(1), new Cut(rows.getLong(1), rows.getInt(2),
                            rows.getObject(3, LocalDateTime.class)));
                }
            }
            return cut;
        });
    }

    /**
     * Marks a batch's texts as being handed over, in one statement committed before this returns, whatever the
     * caller's transaction does next. A text marked before (a cut handover) keeps its first start.
     */
    void begin(List<OutboxRecord> texts, LocalDateTime startedAt) {
        if (texts.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO outbox_handover (outbox_id, attempt, started_at) VALUES "
                + String.join(", ", java.util.Collections.nCopies(texts.size(), "(?, ?, ?)"))
                + " ON DUPLICATE KEY UPDATE attempt = VALUES(attempt)";
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int i = 0;
                for (OutboxRecord text : texts) {
                    insert.setLong(++i, text.id());
                    insert.setInt(++i, text.attempts() + 1);
                    insert.setObject(++i, startedAt);
                }
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the handover of " + texts.size() + " outbox texts", e);
        }
    }

    /** In the caller's transaction: the outcomes are recorded with it. */
    void end(Collection<Long> outboxIds) {
        if (outboxIds.isEmpty()) {
            return;
        }
        String ids = outboxIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        jdbc.execute(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM outbox_handover WHERE outbox_id IN (" + ids + ")")) {
                return delete.executeUpdate();
            }
        });
    }
}
