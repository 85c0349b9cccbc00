package uk.attendance.register;

import io.micronaut.context.ApplicationContext;
import uk.attendance.Application;

import java.util.Map;

/**
 * {@code java -jar api.jar rebuild-mark-month}: recomputes the register's {@code mark_month} from the marks in the
 * configured database (see {@link MarkMonths#rebuild}), prints how many rows were wrong before, and exits.
 */
public final class RebuildMarkMonthCommand {
    public static final String NAME = "rebuild-mark-month";

    private RebuildMarkMonthCommand() {
    }

    /** @return the process exit code */
    public static int run() {
        try (ApplicationContext context = ApplicationContext.builder(Application.class)
                .properties(Map.of("attendance.demo.enabled", "false", "attendance.followup.morning.scheduled", "false"))
                .start()) {
            long started = System.nanoTime();
            MarkMonths.Rebuilt rebuilt = context.getBean(MarkMonths.class).rebuild();
            System.out.printf("mark_month rebuilt from mark in %d s: %d rows; %d were missing, stale or extra before%n",
                    (System.nanoTime() - started) / 1_000_000_000, rebuilt.rows(), rebuilt.wrongBefore());
            return 0;
        }
    }
}
