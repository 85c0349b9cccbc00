package uk.attendance.platform;

import io.micronaut.context.annotation.Factory;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbc.micronaut.MicronautJdbcLockProvider;

import java.sql.Connection;

/**
 * ShedLock's locks live in the {@code shedlock} table (migration V1), so a job annotated
 * {@code @SchedulerLock(name = …)} runs on one instance at a time however many are started. The default
 * {@code shedlock.defaults.lock-at-most-for} (application.yml) frees a lock whose holder died.
 */
@Factory
class SchedulerLocks {

    @Singleton
    LockProvider lockProvider(TransactionOperations<Connection> transactions) {
        return new MicronautJdbcLockProvider(transactions);
    }
}
