package uk.attendance.parttime;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.micronaut.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.notify.outbox.Outbox;
import uk.attendance.notify.outbox.OutboxMessage;
import uk.attendance.notify.outbox.OutboxMessage.About;
import uk.attendance.notify.push.PushMessage;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.school.CalendarService;
import uk.attendance.staff.StaffRecord;
import uk.attendance.staff.StaffService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Before each review date and before the proposed end of an open part-time timetable, the member of staff who agreed it
 * and the school's attendance officers get a push: from {@code attendance.part-time.reminder-school-days-before}
 * (default 3) school days before the date until the date itself, so a missed run catches up. Each reminder is decided
 * once ({@link PartTimeReminderMarks}, in the same transaction as its pushes in the outbox, whose dedupe keys also hold
 * it to one push per person); a date moved by a review gets its own. The push names no pupil (a lock screen shows
 * it). Run by {@link PartTimeReminderSchedule} on one instance at a time (ShedLock).
 */
@Singleton
public class PartTimeReminders {
    static final String LOCK = "part-time-reminders";
    static final String REVIEW_PURPOSE = "part-time-review";
    static final String END_PURPOSE = "part-time-end";
    private static final Logger LOG = LoggerFactory.getLogger(PartTimeReminders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    // Dates are the schools' (every school of the trust is in England)
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final PartTimeTimetableRepository timetables;
    private final PartTimeReminderMarks marks;
    private final CalendarService calendars;
    private final StaffService staff;
    private final Outbox outbox;
    private final Clock clock;
    private final int schoolDaysBefore;

    PartTimeReminders(PartTimeTimetableRepository timetables, PartTimeReminderMarks marks, CalendarService calendars,
                      StaffService staff, Outbox outbox, Clock clock,
                      @Value("${attendance.part-time.reminder-school-days-before:3}") int schoolDaysBefore) {
        if (schoolDaysBefore < 0) {
            throw new IllegalArgumentException("attendance.part-time.reminder-school-days-before must not be negative");
        }
        this.timetables = timetables;
        this.marks = marks;
        this.calendars = calendars;
        this.staff = staff;
        this.outbox = outbox;
        this.clock = clock;
        this.schoolDaysBefore = schoolDaysBefore;
    }

    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
    public void run() {
        int queued = remind();
        if (queued > 0) {
            LOG.info("Part-time timetable reminders: {} queued", queued);
        }
    }

    /** @return how many reminders (review or end dates) were queued, each to one or more members of staff */
    @Transactional
    public int remind() {
        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS);
        int queued = 0;
        for (PartTimeTimetableRow row : timetables.openFrom(today)) {
            SchoolCalendar calendar = calendars.calendarOf(row.schoolId());
            for (LocalDate review : ReviewDates.parse(row.reviewDates())) {
                if (due(calendar, today, review) && marks.claim(row.id(), "REVIEW", review, now)) {
                    send(row, REVIEW_PURPOSE, review, "Part-time timetable review due",
                            "A pupil's part-time timetable is due for review on " + DAY.format(review));
                    queued++;
                }
            }
            LocalDate end = row.proposedEndOn();
            if (due(calendar, today, end) && marks.claim(row.id(), "END", end, now)) {
                send(row, END_PURPOSE, end, "Part-time timetable ending",
                        "A pupil's part-time timetable ends on " + DAY.format(end) + ": review it, extend it or plan the return to full-time");
                queued++;
            }
        }
        return queued;
    }

    /** From the date {@code n} school days before {@code date} to the date itself. */
    private boolean due(SchoolCalendar calendar, LocalDate today, LocalDate date) {
        if (date.isBefore(today)) {
            return false;
        }
        // at most n school days in (today, date]: the (n+1)th school day after today is later than the date
        return calendar.nthSchoolDayAfter(today, schoolDaysBefore + 1).map(d -> d.isAfter(date)).orElse(true);
    }

    private void send(PartTimeTimetableRow row, String purpose, LocalDate dueOn, String title, String body) {
        Set<Long> to = new LinkedHashSet<>();
        staff.find(row.agreedByStaffId()).filter(StaffRecord::active).ifPresent(s -> to.add(s.id()));
        staff.atSchoolWithRole(row.schoolId(), Roles.ATTENDANCE_OFFICER).forEach(s -> to.add(s.id()));
        for (long staffId : to) {
            PushMessage message = new PushMessage(title, body, Map.of("kind", purpose.equals(REVIEW_PURPOSE)
                            ? "PART_TIME_REVIEW" : "PART_TIME_END", "timetableId", String.valueOf(row.id()),
                    "pupilId", String.valueOf(row.pupilId()), "dueOn", dueOn.toString()));
            String key = "push:" + purpose + ":" + row.id() + ":" + dueOn + ":staff:" + staffId;
            Outbox.Enqueued e = outbox.enqueue(OutboxMessage.push(key, purpose, Caller.Kind.STAFF, staffId, message,
                    About.pupil(row.schoolId(), row.pupilId())));
            LOG.debug("Part-time timetable reminder {} queued as outbox message {}", key, e.id());
        }
    }
}
