package uk.attendance;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.demo.DemoSignIns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Once the server listens: where the API and its docs are, and who can sign in to the demo trust. */
@Singleton
class StartupBanner {
    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);
    private final Optional<DemoSignIns> demo;

    StartupBanner(Optional<DemoSignIns> demo) {
        this.demo = demo;
    }

    @EventListener
    void onServerStarted(ServerStartupEvent event) {
        String url = event.getSource().getURL().toString().replace("://0.0.0.0", "://localhost");
        List<String> lines = new ArrayList<>();
        lines.add("=".repeat(78));
        lines.add("Attendance API  " + url);
        lines.add("API docs        " + url + "/docs   (contract: " + url + "/openapi.yaml)");
        demo.ifPresent(d -> {
            lines.add("Demo sign-ins:");
            lines.addAll(d.bannerLines());
            lines.add("Without Twilio credentials, sign-in codes are in the log and at GET /dev/texts (the trust administrator only).");
        });
        lines.add("=".repeat(78));
        lines.forEach(LOG::info);
    }
}
