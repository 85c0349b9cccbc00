package uk.attendance.followup.morning;

import uk.attendance.followup.records.TextReplyRepository;

import jakarta.inject.Singleton;
import uk.attendance.absence.AbsenceReportService;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a pupil's family has been in touch about the day's morning absence without the register showing it yet: they
 * replied to the morning text, or reported the absence with a reason staff must decide on (it waits in the staff's
 * inbox, the mark stays {@code N}). Such a pupil gets no (further) text and no call: staff have the family's word.
 */
@Singleton
public class FamilyInTouch {
    static final String REPLIED = "FAMILY_REPLIED";
    static final String REPORTED = "FAMILY_REPORTED";

    private final TextReplyRepository replies;
    private final AbsenceReportService reports;

    FamilyInTouch(TextReplyRepository replies, AbsenceReportService reports) {
        this.replies = replies;
        this.reports = reports;
    }

    /** The pupils of a school whose family has been in touch that day. */
    Set<Long> pupils(long schoolId, LocalDate day) {
        Set<Long> pupils = new HashSet<>(replies.pupilsWhoseFamilyReplied(schoolId, day));
        pupils.addAll(reports.pupilsWithReportAwaitingDecision(schoolId, day, Session.AM));
        return pupils;
    }

    /** Why the pupil's family counts as in touch that day (a code for the outbox), if they do. */
    public Optional<String> why(long pupilId, long schoolId, LocalDate day) {
        if (replies.existsByPupilIdAndSchoolDay(pupilId, day)) {
            return Optional.of(REPLIED);
        }
        return reports.pupilsWithReportAwaitingDecision(schoolId, day, Session.AM).contains(pupilId)
                ? Optional.of(REPORTED) : Optional.empty();
    }
}
