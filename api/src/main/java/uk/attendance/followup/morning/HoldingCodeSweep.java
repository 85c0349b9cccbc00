package uk.attendance.followup.morning;

import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.micronaut.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.register.Author;
import uk.attendance.register.MarkRecord;
import uk.attendance.register.RegisterService;
import uk.attendance.rules.followup.HoldingCodeDeadline;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.SessionMark;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * N → O (rule book §4): a session still {@code N} once the 5th school day after it has ended (D5, counted on the school's
 * calendar, so half-terms and INSET days do not count) is amended to {@code O} by SYSTEM through the register's
 * amendment trail, with the reason. "Ended" is midnight in the school's timezone: N may be replaced until the end of
 * D5, and from the next day on it is O.
 * <p>
 * Idempotent: only marks still N when locked are amended, so a sweep that is repeated, restarted or (despite the lock)
 * run twice amends each mark once. {@link HoldingCodeSchedule} runs it often, so a day missed while the app was down is
 * caught up on the next run.
 */
@Singleton
public class HoldingCodeSweep {
    static final String LOCK = "holding-code-sweep";
    private static final Logger LOG = LoggerFactory.getLogger(HoldingCodeSweep.class);
    private static final int BATCH = 500;

    private final SchoolService schools;
    private final CalendarService calendars;
    private final RegisterService register;
    private final Clock clock;

    HoldingCodeSweep(SchoolService schools, CalendarService calendars, RegisterService register, Clock clock) {
        this.schools = schools;
        this.calendars = calendars;
        this.register = register;
        this.clock = clock;
    }

    /** Every school, on one instance at a time (ShedLock); skipped while another instance holds the lock. */
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
    public void run() {
        int amended = 0;
        for (SchoolRecord school : schools.all()) {
            try {
                amended += sweep(school);
            } catch (RuntimeException e) {
                // one school's bad calendar must not stop the others
                LOG.warn("N to O sweep of school {} failed: {}", school.id(), e.getClass().getSimpleName());
            }
        }
        if (amended > 0) {
            LOG.info("N to O sweep: {} marks amended to O", amended);
        }
    }

    /** @return how many of the school's marks were amended */
    public int sweep(SchoolRecord school) {
        LocalDate today = clock.instant().atZone(school.zone()).toLocalDate();
        // D5 is at least 5 calendar days after the session and must be before today
        LocalDate lastSessionDate = today.minusDays(HoldingCodeDeadline.SCHOOL_DAYS_ALLOWED + 1L);
        List<MarkRecord> candidates = register.unexplainedMarks(school.id(), lastSessionDate);
        if (candidates.isEmpty()) {
            return 0;
        }
        SchoolCalendar calendar = calendars.calendarOf(school.id());
        Map<Long, String> reasons = new LinkedHashMap<>();
        int amended = 0;
        for (MarkRecord mark : candidates) {
            SessionMark session = new SessionMark(mark.sessionDate(), mark.session(), RegisterCode.N);
            if (!HoldingCodeDeadline.isOverdue(calendar, session, today)) {
                continue;
            }
            reasons.put(mark.id(), reason(HoldingCodeDeadline.deadline(calendar, mark.sessionDate())));
            if (reasons.size() == BATCH) {
                amended += register.replaceHoldingCodes(reasons, RegisterCode.O, Author.SYSTEM).size();
                reasons.clear();
            }
        }
        amended += register.replaceHoldingCodes(reasons, RegisterCode.O, Author.SYSTEM).size();
        if (amended > 0) {
            LOG.info("School {}: {} marks still N after 5 school days amended to O", school.id(), amended);
        }
        return amended;
    }

    static String reason(Optional<LocalDate> deadline) {
        return "Reason for absence not established within 5 school days of the session (deadline "
                + deadline.map(LocalDate::toString).orElse("?") + "): the holding code N becomes O"
                + " (DfE Working together to improve school attendance, 2024; rule book section 4)";
    }
}
