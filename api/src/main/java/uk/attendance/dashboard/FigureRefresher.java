package uk.attendance.dashboard;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.micronaut.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;
import uk.attendance.school.SchoolYear;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the dashboards' figures in step with the marks: every {@code attendance.dashboard.refresh-interval} (250 ms)
 * one instance (ShedLock) recomputes each school-year a write of marks made stale. At start, schools without figures
 * for this academic year or the last one are marked stale, so demo data, generated data and databases from before V22
 * get figures without a command.
 */
@Singleton
public class FigureRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(FigureRefresher.class);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String LOCK = "dashboard-figures";

    private final StaleFigures stale;
    private final FigureComputer computer;
    private final SchoolService schools;
    private final Clock clock;

    FigureRefresher(StaleFigures stale, FigureComputer computer, SchoolService schools, Clock clock) {
        this.stale = stale;
        this.computer = computer;
        this.schools = schools;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        try {
            markMissing();
        } catch (RuntimeException e) {
            LOG.warn("Dashboards: marking missing figures failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Marks stale each school without figures for the current or the previous academic year. */
    public int markMissing() {
        SchoolYear current = SchoolYear.containing(LocalDate.now(clock.withZone(LONDON)));
        Set<StaleFigures.SchoolYearKey> computed = stale.computed();
        List<StaleFigures.SchoolYearKey> missing = new ArrayList<>();
        for (SchoolRecord school : schools.all()) {
            for (int year : List.of(current.startYear(), current.startYear() - 1)) {
                StaleFigures.SchoolYearKey key = new StaleFigures.SchoolYearKey(school.id(), year);
                if (!computed.contains(key)) {
                    missing.add(key);
                }
            }
        }
        stale.mark(missing);
        return missing.size();
    }

    @SchedulerLock(name = LOCK, lockAtMostFor = "PT2M")
    public void refresh() {
        try {
            refreshNow();
        } catch (RuntimeException e) {
            // the rows stay and are retried on the next tick (class name only: a driver's message could quote a value)
            LOG.warn("Dashboard refresh failed: {}", e.getClass().getSimpleName());
            LOG.debug("Dashboard refresh failure", e);
        }
    }

    /** @return how many school-years were recomputed */
    int refreshNow() {
        Map<StaleFigures.SchoolYearKey, List<Long>> due = stale.read(10_000);
        for (Map.Entry<StaleFigures.SchoolYearKey, List<Long>> e : due.entrySet()) {
            long started = System.nanoTime();
            computer.recompute(e.getKey().schoolId(), new SchoolYear(e.getKey().startYear()));
            stale.done(e.getValue());
            LOG.debug("Dashboard figures of school {} {} recomputed in {} ms", e.getKey().schoolId(),
                    e.getKey().startYear(), (System.nanoTime() - started) / 1_000_000);
        }
        return due.size();
    }
}
