package uk.attendance.followup.replies;

import uk.attendance.followup.records.TextReplyRecord;
import uk.attendance.followup.records.TextReplyRepository;
import uk.attendance.followup.tasks.CallTaskService;
import uk.attendance.followup.tasks.RegisterClose;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.absence.AbsenceReportService;
import uk.attendance.absence.AbsenceReportService.TextReport;
import uk.attendance.pupil.ContactRecord;
import uk.attendance.pupil.PupilService;

import java.util.List;
import java.util.Locale;

/**
 * What a matched reply does, each in one transaction with the reply's row locked (so a message Twilio delivers twice
 * at once is acted on once): the report and the call tasks closed together, or, when no report can be made, the tasks
 * closed and the reply kept for staff.
 */
@Singleton
class ReplyActions {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyActions.class);

    private final TextReplyRepository replies;
    private final AbsenceReportService reports;
    private final CallTaskService callTasks;
    private final PupilService pupils;

    ReplyActions(TextReplyRepository replies, AbsenceReportService reports, CallTaskService callTasks,
                 PupilService pupils) {
        this.replies = replies;
        this.reports = reports;
        this.callTasks = callTasks;
        this.pupils = pupils;
    }

    /** @throws uk.attendance.platform.ApiProblem when the report cannot be made (nothing is changed) */
    @Transactional
    public void report(String messageSid, TextReplies.Match m, ReplyReading.Reading reading) {
        TextReplyRecord row = replies.lockBySid(messageSid).orElseThrow();
        if (row.outcome() != TextReplyRecord.Outcome.RECEIVED) {
            return;
        }
        ContactRecord parent = pupils.contact(m.contactId()).orElseThrow();
        String what = reading.reason().getValue().toLowerCase(Locale.UK).replace('_', ' ');
        // closed first, so the tasks say it was the reply (the report would close them too, naming itself)
        List<Long> closed = callTasks.closeForPupil(m.pupilId(), m.day(),
                "The family replied to the morning text (" + what + ")");
        TextReport report = reports.reportByText(parent, m.pupilId(), reading.reason(), reading.appointment(), row.body());
        replies.update(row.settled(TextReplyRecord.Outcome.REPORTED, reading.reason().getValue(), report.reportId(),
                "absence report " + report.reportId() + " " + report.status().getValue().toLowerCase(Locale.UK)));
        // no reason in the log (privacy): the report holds it
        LOG.info("Text {}: absence report {} for pupil {} ({}), {} call tasks closed", messageSid, report.reportId(),
                m.pupilId(), report.status(), closed.size());
    }

    @Transactional
    public void notReported(String messageSid, TextReplies.Match m, String why) {
        TextReplyRecord row = replies.lockBySid(messageSid).orElseThrow();
        if (row.outcome() != TextReplyRecord.Outcome.RECEIVED) {
            return;
        }
        List<Long> closed = callTasks.closeForPupil(m.pupilId(), m.day(),
                "The family replied to the morning text (no report made: see the reply)");
        replies.update(row.settled(TextReplyRecord.Outcome.NOT_REPORTED, null, null, RegisterClose.shorten(why, 300)));
        LOG.info("Text {}: reply about pupil {} kept for staff, {} call tasks closed", messageSid, m.pupilId(), closed.size());
    }
}
