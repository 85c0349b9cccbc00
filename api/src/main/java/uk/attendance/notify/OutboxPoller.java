package uk.attendance.notify;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Every instance polls the outbox (no lock needed: rows are claimed one by one). An idle tick costs one indexed query;
 * when something is due, {@code attendance.outbox.workers} threads drain in parallel.
 */
@Singleton
@Requires(property = "attendance.outbox.poller", notEquals = "false")
class OutboxPoller {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxPoller.class);
    private final OutboxWorker worker;
    private final OutboxSettings settings;
    private final ExecutorService executor;

    OutboxPoller(OutboxWorker worker, OutboxSettings settings, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.worker = worker;
        this.settings = settings;
        this.executor = executor;
    }

    @Scheduled(fixedDelay = "${attendance.outbox.poll-interval:1s}", initialDelay = "${attendance.outbox.poll-interval:1s}")
    void poll() {
        try {
            if (!worker.drainOneBatch()) {
                return;
            }
            List<CompletableFuture<Integer>> drains = new ArrayList<>();
            for (int i = 0; i < settings.workers(); i++) {
                drains.add(CompletableFuture.supplyAsync(worker::drain, executor));
            }
            CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            // the database is away or a batch failed to commit: its rows stay PENDING for the next tick
            // (class names only at WARN: a driver's message could quote a value)
            LOG.warn("Outbox poll failed: {}", e.getClass().getSimpleName());
            LOG.debug("Outbox poll failure", e);
        }
    }
}
