package uk.attendance.audit;

import io.micronaut.context.BeanProvider;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Tells each instance's {@link ChangeListener}s (caches of pupils and of school figures, the set of switched-off staff)
 * of every audited change: the instance that made it right after its commit, every instance again from the audit
 * table, read every second on each instance (not under a lock: each instance must see every change). Rows are read
 * again for {@value #OVERLAP_SECONDS} seconds, as a row's id is taken before its transaction commits and a lower id can
 * commit after a higher one was read; a row already passed on is not passed on twice.
 */
@Singleton
public class ChangeFeed {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    static final int OVERLAP_SECONDS = 30;
    private static final long OVERLAP_NANOS = TimeUnit.SECONDS.toNanos(OVERLAP_SECONDS);
    private final AuditRepository rows;
    private final BeanProvider<ChangeListener> listeners;
    private final TransactionOperations<Connection> transactions;
    private final Deque<long[]> readUpTo = new ArrayDeque<>();
    private final Set<Long> passedOn = new HashSet<>();
    private long after = -1;
    private long newest = -1;

    ChangeFeed(AuditRepository rows, BeanProvider<ChangeListener> listeners, TransactionOperations<Connection> transactions) {
        this.rows = rows;
        this.listeners = listeners;
        this.transactions = transactions;
    }

    void afterCommit(RecordChanged change) {
        var status = transactions.findTransactionStatus();
        if (status.isEmpty()) {
            tell(change);
            return;
        }
        status.get().registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                tell(change);
            }
        });
    }

    @Scheduled(fixedDelay = "${attendance.changes.poll-interval:1s}", initialDelay = "${attendance.changes.poll-interval:1s}")
    void scheduledPoll() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("Reading the change feed failed; trying again at the next poll: {}", e.toString());
        }
    }

    /** Reads the audit rows written since the last polls and passes on those not passed on yet. */
    public synchronized void poll() {
        if (after < 0) {
            // nothing is kept in memory before the first poll: start from the newest row
            after = rows.newestId();
            newest = after;
            return;
        }
        long from = after;
        List<ChangedRow> found;
        do {
            found = rows.after(from);
            for (ChangedRow row : found) {
                if (passedOn.add(row.id())) {
                    tell(new RecordChanged(Entity.valueOf(row.entityType()), row.entityId(), row.pupilId(), row.schoolId()));
                }
                newest = Math.max(newest, row.id());
                from = row.id();
            }
        } while (found.size() == AuditRepository.BATCH);
        long now = System.nanoTime();
        readUpTo.addLast(new long[]{now, newest});
        while (!readUpTo.isEmpty() && now - readUpTo.peekFirst()[0] >= OVERLAP_NANOS) {
            after = Math.max(after, readUpTo.pollFirst()[1]);
        }
        long readFrom = after;
        passedOn.removeIf(id -> id <= readFrom);
    }

    private void tell(RecordChanged change) {
        listeners.stream().forEach(l -> l.changed(change));
    }
}
