package uk.attendance.absence;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.notify.outbox.OutboxMessage.About;
import uk.attendance.notify.outbox.ParentNotifier;
import uk.attendance.notify.push.PushMessage;

import java.util.Map;

/**
 * Tells the parent who made a report that the school asked a question or decided it: a push, else a text, queued in
 * the outbox in the transaction of the question or decision. Neither names the child nor the reason (a lock screen or
 * a shared phone shows them): the details are in the app.
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

    /** @param questionEventId the question's event on the report (each question is told once) */
    void questionAsked(AbsenceReportRecord report, long questionEventId) {
        send(report, new ParentNotifier.Notice("push:report-question:" + questionEventId, "report-question", about(report),
                new PushMessage("A question from school",
                        "The school has a question about your absence report. Open the app to answer.", data(report)),
                QUESTION_TEXT));
    }

    void decided(AbsenceReportRecord report) {
        send(report, new ParentNotifier.Notice("push:report-decided:" + report.id(), "report-decision", about(report),
                new PushMessage("Absence report recorded", "The school has recorded your absence report.", data(report)),
                DECIDED_TEXT));
    }

    private static About about(AbsenceReportRecord report) {
        return About.pupil(report.schoolId(), report.pupilId());
    }

    private static Map<String, String> data(AbsenceReportRecord report) {
        return Map.of("absenceReportId", String.valueOf(report.id()));
    }

    /** Joins the caller's transaction; a parent gone from the records is logged, not the caller's problem. */
    private void send(AbsenceReportRecord report, ParentNotifier.Notice notice) {
        try {
            ParentNotifier.Queued queued = parents.notify(report.parentId(), notice);
            LOG.info("Absence report {}: parent {} to be told (outbox message {})", report.id(), report.parentId(),
                    queued.outboxId());
        } catch (IllegalArgumentException e) {
            LOG.warn("Absence report {}: parent {} not told ({})", report.id(), report.parentId(), e.getClass().getSimpleName());
        }
    }
}
