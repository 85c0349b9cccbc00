package uk.attendance.notify.outbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Every instance polls the outbox (no lock needed: rows are claimed one by one). An idle tick costs one indexed query;
 * when something is due, {@code attendance.outbox.workers} threads drain in parallel. When the instance stops
 * gracefully, no new batch is claimed and the batches in flight are waited for ({@link #stop}).
 */
@Singleton
@Requires(property = "attendance.outbox.poller", notEquals = "false")
class OutboxPoller {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxPoller.class);
    private final OutboxWorker worker;
    private final OutboxSettings settings;
    /** How long a stopping instance waits for the batches in flight (each is one provider call or a few). */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private final ExecutorService executor;
    private final Object polling = new Object();
    private volatile boolean stopping;
    private int polls;

    OutboxPoller(OutboxWorker worker, OutboxSettings settings, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.worker = worker;
        this.settings = settings;
        this.executor = executor;
    }

    @Scheduled(fixedDelay = "${attendance.outbox.poll-interval:250ms}",
            initialDelay = "${attendance.outbox.poll-interval:250ms}")
    void poll() {
        synchronized (polling) {
            if (stopping) {
                return;
            }
            polls++;
        }
        try {
            if (!worker.drainOneBatch()) {
                return;
            }
            List<CompletableFuture<Integer>> drains = new ArrayList<>();
            for (int i = 0; i < settings.workers(); i++) {
                drains.add(CompletableFuture.supplyAsync(() -> worker.drain(() -> !stopping), executor));
            }
            CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            // the database is away or a batch failed to commit: its rows stay PENDING for the next tick
            // (class names only at WARN: a driver's message could quote a value)
            LOG.warn("Outbox poll failed: {}", e.getClass().getSimpleName());
            LOG.debug("Outbox poll failure", e);
        } finally {
            synchronized (polling) {
                polls--;
                polling.notifyAll();
            }
        }
    }

    /**
     * A graceful stop (SIGTERM, a deploy) must not cut a batch between the provider's answer and its commit: that
     * would send its messages again after the restart. No new batch is claimed from now on, and the ones in flight
     * finish (up to {@link #STOP_GRACE}) before the context goes on to close the database pool. Only SIGKILL or a
     * crash can still cut one ({@link OutboxWorker}).
     */
    @PreDestroy
    void stop() throws InterruptedException {
        Instant deadline = Instant.now().plus(STOP_GRACE);
        synchronized (polling) {
            stopping = true;
            while (polls > 0 && Instant.now().isBefore(deadline)) {
                polling.wait(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
            }
            if (polls > 0) {
                LOG.warn("Outbox: stopping with a batch still in flight after {} s", STOP_GRACE.toSeconds());
            }
        }
    }
}
