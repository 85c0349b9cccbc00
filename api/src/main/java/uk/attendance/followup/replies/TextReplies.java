package uk.attendance.followup.replies;

import uk.attendance.followup.records.FollowUpStore;
import uk.attendance.followup.records.TextReplyRecord;
import uk.attendance.followup.tasks.FollowUpNotices;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.contract.model.AbsenceReportReason;
import uk.attendance.notify.text.InboundText;
import uk.attendance.notify.text.InboundTexts;
import uk.attendance.notify.outbox.Outbox;
import uk.attendance.notify.outbox.OutboxRecord;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.UkMobile;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Replies to the morning text (Twilio's inbound webhook). The sender's number finds the latest morning text sent to it
 * that school day, which says which child and which contact; the reply becomes an absence report for that child
 * ({@link ReplyReading}: illness, an appointment, or OTHER for staff to decide, in their inbox) and closes the child's
 * open call tasks, telling whoever held them. A reply that cannot become a report (the day is already reported) is
 * kept for staff on the child's tasks and still closes them: the family has been in touch.
 * <p>
 * A text from a number no morning text went to that day is kept and, when the number is a parent/carer's with a child
 * on roll, put before each such school's staff to read ({@link TextReviews}); a Twilio keyword (STOP, HELP…) or a text
 * from an unknown number is kept and otherwise ignored. No report is made of either, and no answer sent (an answer to
 * an unknown number would cost a text and tell a stranger nothing useful).
 * Each Twilio message is handled once, however often Twilio delivers it.
 */
@Singleton
class TextReplies implements InboundTexts {
    private static final Logger LOG = LoggerFactory.getLogger(TextReplies.class);
    /** Morning texts older than this cannot be "today"'s anywhere. */
    private static final Duration LOOK_BACK = Duration.ofHours(24);

    private final Outbox outbox;
    private final SchoolService schools;
    private final PupilService pupils;
    private final FollowUpStore store;
    private final ReplyActions actions;
    private final TextReviews reviews;

    TextReplies(Outbox outbox, SchoolService schools, PupilService pupils, FollowUpStore store, ReplyActions actions,
                TextReviews reviews) {
        this.reviews = reviews;
        this.outbox = outbox;
        this.schools = schools;
        this.pupils = pupils;
        this.store = store;
        this.actions = actions;
    }

    /** The morning text a reply answers: the school, the child, the day and the contact it went to. */
    record Match(long schoolId, long pupilId, LocalDate day, long contactId, long outboxId) {
    }

    @Override
    public void received(InboundText text) {
        LocalDateTime at = LocalDateTime.ofInstant(text.receivedAt(), ZoneOffset.UTC).withNano(0);
        String masked = UkMobile.mask(text.fromE164());
        if (ReplyReading.isKeyword(text.body())) {
            store.insertReply(row(text, at, TextReplyRecord.Outcome.KEYWORD, null));
            LOG.info("Text {} from {}: a Twilio keyword, left to Twilio", text.messageSid(), masked);
            return;
        }
        Optional<Match> match = match(text);
        if (match.isEmpty()) {
            int items = reviews.unmatched(text, row(text, at, TextReplyRecord.Outcome.UNMATCHED, null));
            LOG.info("Text {} from {}: no morning text went to this number today, {}", text.messageSid(), masked,
                    items == 0 ? "ignored" : "to review at " + items + " school(s)");
            return;
        }
        Match m = match.get();
        if (store.insertReply(row(text, at, TextReplyRecord.Outcome.RECEIVED, m)).isEmpty()) {
            LOG.info("Text {} delivered again: already handled", text.messageSid());
            return;
        }
        ReplyReading.Reading reading = ReplyReading.read(text.body());
        try {
            actions.report(text.messageSid(), m, reading);
        } catch (ApiProblem refused) {
            LOG.info("Text {}: reply about pupil {} not taken as read ({})", text.messageSid(), m.pupilId(),
                    refused.status().getCode());
            if (reading.reason() == AbsenceReportReason.OTHER || !tryAsOther(text, m)) {
                actions.notReported(text.messageSid(), m, describe(refused));
            }
        }
    }

    private static String describe(ApiProblem problem) {
        StringBuilder why = new StringBuilder(Optional.ofNullable(problem.getMessage()).orElse(problem.title()));
        problem.fieldProblems().forEach(f -> why.append("; ").append(f.field()).append(": ").append(f.message()));
        return why.toString();
    }

    /** A reason the report refused (an appointment after school…) is still the family's word: staff decide it. */
    private boolean tryAsOther(InboundText text, Match m) {
        try {
            actions.report(text.messageSid(), m, new ReplyReading.Reading(AbsenceReportReason.OTHER, Optional.empty()));
            return true;
        } catch (ApiProblem refused) {
            return false;
        }
    }

    /**
     * The latest morning text handed over to this number on its school's today; when it went to a family with several
     * children texted that day, the child the reply names by first name, if it names exactly one.
     */
    private Optional<Match> match(InboundText text) {
        LocalDateTime since = LocalDateTime.ofInstant(text.receivedAt().minus(LOOK_BACK), ZoneOffset.UTC);
        List<Match> today = new ArrayList<>();
        for (OutboxRecord sent : outbox.textsSentTo(text.fromE164(), FollowUpNotices.MORNING_TEXT, since)) {
            if (sent.schoolId() == null || sent.pupilId() == null || sent.toPersonKind() != Caller.Kind.PARENT) {
                continue;
            }
            Optional<SchoolRecord> school = schools.find(sent.schoolId());
            if (school.isEmpty()) {
                continue;
            }
            LocalDate day = sent.createdAt().atOffset(ZoneOffset.UTC).atZoneSameInstant(school.get().zone()).toLocalDate();
            if (day.equals(text.receivedAt().atZone(school.get().zone()).toLocalDate())
                    && today.stream().noneMatch(t -> t.pupilId() == sent.pupilId())) {
                today.add(new Match(sent.schoolId(), sent.pupilId(), day, sent.toPersonId(), sent.id()));
            }
        }
        if (today.size() <= 1) {
            return today.stream().findFirst();
        }
        List<Match> named = today.stream().filter(t -> names(text.body(), t.pupilId())).toList();
        return Optional.of(named.size() == 1 ? named.get(0) : today.get(0));
    }

    private boolean names(String reply, long pupilId) {
        return pupils.find(pupilId).map(PupilRecord::firstName)
                .map(name -> Pattern.compile("(?<![\\p{L}])" + Pattern.quote(name.toLowerCase(Locale.ROOT)) + "(?![\\p{L}])")
                        .matcher(reply.toLowerCase(Locale.ROOT)).find())
                .orElse(false);
    }

    private static TextReplyRecord row(InboundText text, LocalDateTime at, TextReplyRecord.Outcome outcome, Match m) {
        TextReplyRecord row = new TextReplyRecord(null, text.messageSid(), text.fromE164(), text.body(), at, outcome,
                null, null, null, null, null, null, null, null);
        return m == null ? row : row.matched(m.schoolId(), m.pupilId(), m.day(), m.contactId(), m.outboxId());
    }
}
