package uk.attendance.absence;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.notify.ParentNotifier;
import uk.attendance.notify.PushMessage;

import java.util.Map;

/**
 * Tells the parent who made a report that the school asked a question or decided it: a push, else a text. Neither
 * names the child nor the reason (a lock screen or a shared phone shows them): the details are in the app.
 */
@Singleton
class AbsenceReportNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(AbsenceReportNotifier.class);
    static final String QUESTION_TEXT = "The school has a question about your absence report. Open the app to answer it.";
    static final String DECIDED_TEXT = "The school has recorded your absence report. Open the app to see it.";

    private final ParentNotifier parents;

    AbsenceReportNotifier(ParentNotifier parents) {
        this.parents = parents;
    }

    void questionAsked(AbsenceReportRecord report) {
        send(report, new ParentNotifier.Notice(new PushMessage("A question from school",
                "The school has a question about your absence report. Open the app to answer.", data(report)), QUESTION_TEXT));
    }

    void decided(AbsenceReportRecord report) {
        send(report, new ParentNotifier.Notice(new PushMessage("Absence report recorded",
                "The school has recorded your absence report.", data(report)), DECIDED_TEXT));
    }

    private static Map<String, String> data(AbsenceReportRecord report) {
        return Map.of("absenceReportId", String.valueOf(report.id()));
    }

    /** The change is made whatever happens to the notification; a failure is logged, not the caller's problem. */
    private void send(AbsenceReportRecord report, ParentNotifier.Notice notice) {
        try {
            ParentNotifier.Notified notified = parents.notify(report.parentId(), notice);
            LOG.info("Absence report {}: parent {} told by {}", report.id(), report.parentId(), notified.channel());
        } catch (RuntimeException e) {
            LOG.warn("Absence report {}: parent {} not told ({})", report.id(), report.parentId(), e.getClass().getSimpleName());
        }
    }
}
