package uk.attendance.casework.documents;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.micronaut.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.notify.outbox.OutboxMessage;
import uk.attendance.notify.outbox.ParentNotifier;
import uk.attendance.notify.push.PushMessage;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.CalendarService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Once a half-term has ended, each parent/carer who acts for a child on roll is told the child's report is ready: a push
 * to the app, else a text with the link, through the outbox (one message per parent and child, exactly once: the dedupe
 * key names the child, the half-term and the parent). From {@code attendance.documents.half-term-notice-hour} (16:00
 * school time) on a day after the half-term's last school day, within 14 days of it; not for schools that opted out.
 * Run by {@link HalfTermReportNoticeSchedule} on one instance at a time (ShedLock).
 */
@Singleton
public class HalfTermReportNotices {
    static final String LOCK = "half-term-report-notices";
    static final String PURPOSE = "half-term-report";
    private static final int DAYS_TO_CATCH_UP = 14;
    private static final Logger LOG = LoggerFactory.getLogger(HalfTermReportNotices.class);

    private final SchoolService schools;
    private final CalendarService calendars;
    private final PupilService pupils;
    private final DocumentSettings settings;
    private final ParentNotifier notifier;
    private final NoticeRuns runs;
    private final Clock clock;
    private final LocalTime noticeTime;
    private final Optional<String> publicUrl;

    HalfTermReportNotices(SchoolService schools, CalendarService calendars, PupilService pupils, DocumentSettings settings,
                          ParentNotifier notifier, NoticeRuns runs, Clock clock,
                          @Value("${attendance.documents.half-term-notice-hour:16}") int noticeHour,
                          @Value("${attendance.public-url:}") @Nullable String publicUrl) {
        this.schools = schools;
        this.calendars = calendars;
        this.pupils = pupils;
        this.settings = settings;
        this.notifier = notifier;
        this.runs = runs;
        this.clock = clock;
        if (noticeHour < 0 || noticeHour > 23) {
            throw new IllegalArgumentException("attendance.documents.half-term-notice-hour must be 0-23: " + noticeHour);
        }
        this.noticeTime = LocalTime.of(noticeHour, 0);
        this.publicUrl = Optional.ofNullable(publicUrl).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    @SchedulerLock(name = LOCK, lockAtMostFor = "PT30M")
    public void run() {
        sendDue(clock.instant());
    }

    /** @return how many notices were queued */
    public int sendDue(Instant now) {
        int queued = 0;
        for (SchoolRecord school : schools.all()) {
            if (settings.halfTermReports(school.id())) {
                queued += sendDue(school, now);
            }
        }
        return queued;
    }

    /** One school's notices, when due (tests: one school of a shared database). */
    int sendDue(long schoolId, Instant now) {
        SchoolRecord school = schools.find(schoolId).orElseThrow();
        return settings.halfTermReports(schoolId) ? sendDue(school, now) : 0;
    }

    private int sendDue(SchoolRecord school, Instant now) {
        ZonedDateTime local = now.atZone(school.zone());
        LocalDate today = local.toLocalDate();
        if (local.toLocalTime().isBefore(noticeTime)) {
            today = today.minusDays(1);
        }
        Optional<HalfTerm> ended = HalfTerms.of(calendars.calendarOf(school.id())).lastEndedBefore(today);
        if (ended.isEmpty() || ended.get().end().plusDays(DAYS_TO_CATCH_UP).isBefore(today)
                || runs.done(school.id(), ended.get().start())) {
            return 0;
        }
        HalfTerm halfTerm = ended.get();
        int queued = 0;
        for (PupilRecord pupil : pupils.ofSchool(school.id(), Optional.empty(), Optional.of(halfTerm.end()))) {
            for (PupilService.ContactLink link : pupils.contactsOf(pupil.id())) {
                if (!link.link().parentalResponsibility() && !link.link().livesWith()) {
                    continue;
                }
                DocumentWords words = DocumentWords.forPreferred(link.contact().preferredLanguage());
                String where = publicUrl.map(base -> words.get("notice.link", "link", base + "/pupils/" + pupil.id()
                        + "/attendance/report?halfTerm=" + halfTerm.start())).orElseGet(() -> words.get("notice.app"));
                PushMessage push = new PushMessage(words.get("notice.title"), words.get("notice.body"), Map.of(
                        "pupilId", String.valueOf(pupil.id()), "halfTerm", halfTerm.start().toString(), "kind", PURPOSE));
                String text = words.get("notice.text", "school", school.name(), "child", pupil.firstName(),
                        "halfTerm", halfTerm.title(), "where", where);
                if (notifier.notify(link.contact().id(), new ParentNotifier.Notice("push:" + PURPOSE + ":" + pupil.id() + ":"
                        + halfTerm.start() + ":contact:" + link.contact().id(), PURPOSE,
                        OutboxMessage.About.pupil(school.id(), pupil.id()), push, text)).created()) {
                    queued++;
                }
            }
        }
        runs.finish(school.id(), halfTerm.start(), queued,
                LocalDateTime.ofInstant(now, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        LOG.info("School {}: {} half-term report notices queued for {}", school.id(), queued, halfTerm.start());
        return queued;
    }
}
