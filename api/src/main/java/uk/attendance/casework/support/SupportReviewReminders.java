package uk.attendance.casework.support;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.micronaut.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.notify.outbox.Outbox;
import uk.attendance.notify.outbox.OutboxMessage;
import uk.attendance.notify.outbox.OutboxMessage.About;
import uk.attendance.notify.push.PushMessage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The owner of a plan or contract gets a push {@link SupportSettingsStore#reminderDaysBefore()} days before its review
 * (on any day from then to the review day itself, so a missed run catches up), written to the outbox with the record's
 * reminder mark in one transaction; the dedupe key holds it to one push per review date. The push names no pupil (a
 * lock screen shows it). Run by {@link SupportReviewReminderSchedule} on one instance at a time (ShedLock).
 */
@Singleton
public class SupportReviewReminders {
    static final String LOCK = "support-review-reminders";
    static final String PURPOSE = "support-review";
    private static final Logger LOG = LoggerFactory.getLogger(SupportReviewReminders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    // Dates are the schools' (every school of the trust is in England)
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final SupportRecordRepository records;
    private final SupportSettingsStore settings;
    private final Outbox outbox;
    private final Clock clock;

    SupportReviewReminders(SupportRecordRepository records, SupportSettingsStore settings, Outbox outbox, Clock clock) {
        this.records = records;
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
    public void run() {
        int queued = remind();
        if (queued > 0) {
            LOG.info("Support review reminders: {} queued", queued);
        }
    }

    /** @return how many reminders were queued */
    @Transactional
    public int remind() {
        LocalDate today = LocalDate.now(clock.withZone(LONDON));
        List<SupportRecordRow> due = records.reviewsToRemind(today, today.plusDays(settings.reminderDaysBefore()));
        for (SupportRecordRow r : due) {
            PushMessage message = new PushMessage("Support review due",
                    "A " + words(r.kind()) + " you own is due for review on " + DAY.format(r.nextReviewOn()),
                    Map.of("kind", "SUPPORT_REVIEW", "supportRecordId", String.valueOf(r.id()),
                            "pupilId", String.valueOf(r.pupilId()), "reviewOn", r.nextReviewOn().toString()));
            String key = "push:support-review:" + r.id() + ":" + r.nextReviewOn() + ":staff:" + r.ownerStaffId();
            Outbox.Enqueued e = outbox.enqueue(OutboxMessage.push(key, PURPOSE, Caller.Kind.STAFF, r.ownerStaffId(), message,
                    About.pupil(r.schoolId(), r.pupilId())));
            records.markReminded(r.id(), r.nextReviewOn());
            LOG.debug("Support review reminder {} queued as outbox message {}", key, e.id());
        }
        return due.size();
    }

    private static String words(SupportRecordRow.Kind kind) {
        return switch (kind) {
            case MEETING -> "support meeting";
            case SUPPORT_PLAN -> "support plan";
            case ATTENDANCE_CONTRACT -> "attendance contract";
            case PARENTING_CONTRACT -> "parenting contract";
        };
    }
}
