package uk.attendance.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.stream.Collectors;

/**
 * Loads the demo trust when the application starts ({@code attendance.demo.enabled}, env DEMO_DATA),
 * before the server takes requests, then logs the demo sign-ins. A failed load is logged, not fatal.
 */
@Singleton
@Requires(property = "attendance.demo.enabled", value = "true")
class DemoStartup {
    private static final Logger LOG = LoggerFactory.getLogger(DemoStartup.class);

    private final DemoTrustLoader loader;

    DemoStartup(DemoTrustLoader loader) {
        this.loader = loader;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        try {
            DemoLoad load = loader.load();
            if (load.loaded()) {
                LOG.info("Demo trust loaded in {} ms: {} schools, {} pupils, {} parents/carers, {} staff, {} marks ({})",
                        load.took().toMillis(), load.schools(), load.pupils(), load.contacts(), load.staff(), load.marks(),
                        load.steps().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().toMillis() + " ms")
                                .collect(Collectors.joining(", ")));
            } else {
                LOG.info("Demo trust already there: nothing loaded");
            }
        } catch (RuntimeException e) {
            LOG.error("Demo trust not loaded; the application starts without it", e);
        }
    }
}
