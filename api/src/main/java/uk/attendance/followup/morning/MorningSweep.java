package uk.attendance.followup.morning;

import uk.attendance.followup.records.FollowUpStep;
import uk.attendance.followup.records.FollowUpStore;
import uk.attendance.followup.tasks.RegisterClose;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.rules.calendar.CalendarDay;
import uk.attendance.rules.calendar.DayKind;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;

/**
 * Runs whichever morning steps are due for each school at an instant, in the school's timezone, on school days: the
 * register close from the time it closes, the texts from the text time until the call time (once the call time has
 * come, a late run calls instead of texting), the calls from the call time. A step that has run is recorded and not run again that day; one that failed or was cut short runs again
 * on the next tick (until the school day ends), and its unique keys keep it from doing anything twice, also when two
 * instances run it at the same moment.
 */
@Singleton
public class MorningSweep {
    private static final Logger LOG = LoggerFactory.getLogger(MorningSweep.class);

    private final SchoolService schools;
    private final CalendarService calendars;
    private final FollowUpStore store;
    private final RegisterClose registerClose;
    private final TextTime textTime;
    private final CallTime callTime;
    private final ExecutorService executor;
    private final int schoolsAtOnce;

    MorningSweep(SchoolService schools, CalendarService calendars, FollowUpStore store, RegisterClose registerClose,
                 TextTime textTime, CallTime callTime, @Named(TaskExecutors.BLOCKING) ExecutorService executor,
                 @Value("${attendance.followup.morning.schools-at-once:4}") int schoolsAtOnce) {
        if (schoolsAtOnce < 1) {
            throw new IllegalArgumentException("attendance.followup.morning.schools-at-once must be at least 1");
        }
        this.executor = executor;
        this.schoolsAtOnce = schoolsAtOnce;
        this.schools = schools;
        this.calendars = calendars;
        this.store = store;
        this.registerClose = registerClose;
        this.textTime = textTime;
        this.callTime = callTime;
    }

    /**
     * Every school, {@code attendance.followup.morning.schools-at-once} (default 4) side by side: a school's morning
     * is one small transaction after another (each pupil's decision and its texts), which waits on the database far
     * more than it computes, so schools run together, and their commits share the database's log flushes.
     */
    public void run(Instant now) {
        Queue<SchoolRecord> left = new ConcurrentLinkedQueue<>(schools.all());
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int i = 0; i < Math.min(schoolsAtOnce, left.size()); i++) {
            lanes.add(CompletableFuture.runAsync(() -> {
                SchoolRecord school;
                while ((school = left.poll()) != null) {
                    runGuarded(school, now);
                }
            }, executor));
        }
        CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).join();
    }

    private void runGuarded(SchoolRecord school, Instant now) {
        try {
            run(school, now);
        } catch (RuntimeException e) {
            // one school's failure must not hold up the others' mornings; it is tried again on the next tick
            LOG.warn("Follow-up of school {} failed: {}", school.id(), e.getClass().getSimpleName());
            LOG.debug("Follow-up of school {} failed", school.id(), e);
        }
    }

    /**
     * One school, as it is set now (tests run a school's morning with this, at the instants they choose).
     *
     * @return the steps run now (none when nothing was due)
     */
    public List<FollowUpStep> run(long schoolId, Instant now) {
        return run(schools.find(schoolId).orElseThrow(() -> new IllegalArgumentException("No school " + schoolId)), now);
    }

    private List<FollowUpStep> run(SchoolRecord school, Instant now) {
        ZonedDateTime local = now.atZone(school.zone());
        LocalDate day = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        SchoolCalendar calendar = calendars.calendarOf(school.id());
        CalendarDay today = calendar.day(day);
        List<FollowUpStep> ran = new ArrayList<>();
        // no morning register (weekend, holiday, closure, an afternoon-only day) or a school unexpectedly closed
        // (registers are coded Y4 by staff): nothing to follow up; nor once the school day is over
        if (today.kind() != DayKind.SCHOOL_DAY || !today.amSession() || !time.isBefore(school.pmSessionEnds())) {
            return ran;
        }
        LocalTime registerCloses = school.amRegisterOpens().plusMinutes(school.registerOpenMinutes());
        if (time.isBefore(registerCloses)) {
            return ran;
        }
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        Set<FollowUpStep> done = store.stepsRun(school.id(), day);
        if (!done.contains(FollowUpStep.REGISTER_CLOSE)) {
            int marked = closeRegister(school.id(), day, at);
            store.recordRun(school.id(), day, FollowUpStep.REGISTER_CLOSE, at);
            LOG.info("School {} {}: register closed, {} pupils marked", school.id(), day, marked);
            ran.add(FollowUpStep.REGISTER_CLOSE);
        }
        if (!time.isBefore(school.textTime()) && time.isBefore(school.callTime()) && !done.contains(FollowUpStep.TEXT)) {
            textTime.send(school, day, at);
            store.recordRun(school.id(), day, FollowUpStep.TEXT, at);
            ran.add(FollowUpStep.TEXT);
        }
        if (!time.isBefore(school.callTime()) && !done.contains(FollowUpStep.CALL)) {
            callTime.raise(school, day, calendar, at);
            store.recordRun(school.id(), day, FollowUpStep.CALL, at);
            ran.add(FollowUpStep.CALL);
        }
        return ran;
    }

    private int closeRegister(long schoolId, LocalDate day, LocalDateTime at) {
        try {
            return registerClose.close(schoolId, day, at).size();
        } catch (DataAccessException e) {
            // a teacher's register (or another instance's close) wrote a mark at the same moment: close what is left
            LOG.info("School {} {}: register close raced another write, closing again", schoolId, day);
            return registerClose.close(schoolId, day, at).size();
        }
    }
}
