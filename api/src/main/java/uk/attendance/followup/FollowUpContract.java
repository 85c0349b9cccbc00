package uk.attendance.followup;

import uk.attendance.followup.records.FollowUpTaskRecord;
import uk.attendance.followup.records.TaskOutcomeRecord;
import uk.attendance.followup.records.TaskState;
import uk.attendance.followup.records.TextReviewRecord;
import uk.attendance.followup.replies.TextReviews;
import uk.attendance.followup.tasks.TaskView;

import uk.attendance.contract.model.CallOutcomeEntry;
import uk.attendance.contract.model.CallOutcomeEntryRegisterResult;
import uk.attendance.contract.model.CallTask;
import uk.attendance.contract.model.CallTaskKind;
import uk.attendance.contract.model.CallTaskState;
import uk.attendance.contract.model.FollowUpAction;
import uk.attendance.contract.model.FollowUpActionOutcome;
import uk.attendance.contract.model.FollowUpBoard;
import uk.attendance.contract.model.FollowUpContact;
import uk.attendance.contract.model.FollowUpCounts;
import uk.attendance.contract.model.FollowUpFlag;
import uk.attendance.contract.model.FollowUpPupil;
import uk.attendance.contract.model.FollowUpSettings;
import uk.attendance.contract.model.FollowUpStaff;
import uk.attendance.contract.model.FollowUpStepRun;
import uk.attendance.contract.model.FollowUpText;
import uk.attendance.contract.model.FollowUpTextDirection;
import uk.attendance.contract.model.FollowUpTextReason;
import uk.attendance.contract.model.NotificationStatus;
import uk.attendance.contract.model.PupilFollowUp;
import uk.attendance.contract.model.TextReviewChild;
import uk.attendance.contract.model.TextReviewContact;
import uk.attendance.contract.model.TextReviewStatus;
import uk.attendance.contract.model.TextToReview;
import uk.attendance.pupil.PupilService.ContactLink;
import uk.attendance.school.SchoolRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static uk.attendance.platform.ContractTimes.utc;
import static uk.attendance.platform.ContractTimes.hhmm;

/** The follow-up as the contract shows it (openapi.yaml). */
final class FollowUpContract {
    private FollowUpContract() {
    }

    static FollowUpSettings settings(SchoolRecord s) {
        return new FollowUpSettings(s.id(), s.timezone(), hhmm(FollowUpSettingsService.registerCloses(s)),
                hhmm(s.textTime()), hhmm(s.callTime()));
    }

    static CallTask task(TaskView v) {
        FollowUpTaskRecord t = v.task();
        Set<Long> tried = v.tried();
        CallTask task = new CallTask(t.id(), CallTaskKind.fromValue(t.kind().name()), CallTaskState.fromValue(t.state().name()),
                t.schoolId(), t.schoolDay(),
                new FollowUpPupil(v.pupil().id(), v.pupil().displayName(), v.pupil().yearGroup(), v.pupil().registrationGroup()),
                flags(t), t.consecutiveDays(),
                v.contacts().stream().map(c -> contact(c, tried)).toList(),
                v.allContactsTried(),
                v.outcomes().stream().map(FollowUpContract::outcome).toList(),
                v.texts().stream().map(FollowUpContract::text).toList(),
                utc(t.createdAt()))
                .closedAt(t.closedAt() == null ? null : utc(t.closedAt()))
                .closedReason(t.closedReason());
        v.nextContact().ifPresent(c -> task.nextContact(contact(c, tried)));
        if (v.homeAddress() != null) {
            var a = v.homeAddress();
            task.homeAddress(new uk.attendance.contract.model.Address(a.line1(), a.town(), a.postcode()).line2(a.line2()));
        }
        if (t.claimedByStaffId() != null) {
            task.claimedBy(new FollowUpStaff(t.claimedByStaffId(), t.claimedByName(), t.claimedByPosition(), utc(t.claimedAt())));
        }
        return task;
    }

    static FollowUpBoard board(FollowUpViews.Board b) {
        FollowUpViews.Counts c = b.counts();
        FollowUpCounts counts = new FollowUpCounts(c.unexplainedAtRegisterClose(), c.unexplained(), c.texted(), c.replied(),
                state(c, TaskState.OPEN), state(c, TaskState.CLAIMED), state(c, TaskState.DONE),
                state(c, TaskState.ESCALATED), state(c, TaskState.CLOSED), c.homeVisits(), c.socialWorkersTold());
        SchoolRecord s = b.school();
        return new FollowUpBoard(s.id(), b.date(), hhmm(FollowUpSettingsService.registerCloses(s)), hhmm(s.textTime()),
                hhmm(s.callTime()),
                b.steps().stream().map(r -> new FollowUpStepRun(
                        uk.attendance.contract.model.FollowUpStep.fromValue(r.step()), utc(r.ranAt()))).toList(),
                counts, b.callTasks().stream().map(FollowUpContract::task).toList(),
                b.homeVisits().stream().map(FollowUpContract::task).toList());
    }

    static PupilFollowUp history(FollowUpViews.History h) {
        return new PupilFollowUp(h.pupilId(), h.from(), h.to(),
                h.actions().stream().map(a -> new FollowUpAction(a.schoolDay(),
                                uk.attendance.contract.model.FollowUpStep.fromValue(a.step().name()),
                                FollowUpActionOutcome.fromValue(a.outcome().name()), utc(a.createdAt()))
                        .code(a.code()).detail(a.detail()))
                        .toList(),
                h.tasks().stream().map(FollowUpContract::task).toList());
    }

    /** The full number and the words: staff read it and call back (never logged). */
    static TextToReview textToReview(TextReviews.View v) {
        TextReviewRecord item = v.item();
        TextReviewContact contact = v.contact()
                .map(c -> new TextReviewContact(c.id(), c.firstName() + " " + c.lastName()))
                .orElseGet(() -> new TextReviewContact(item.contactId(), ""));
        return new TextToReview(item.id(), item.schoolId(), utc(v.text().receivedAt()), v.text().fromNumber(),
                v.text().body(), contact,
                v.children().stream().map(p -> new TextReviewChild(p.id(), p.firstName(), p.lastName())).toList(),
                TextReviewStatus.fromValue(item.status().name()))
                .handledAt(item.handledAt() == null ? null : utc(item.handledAt()))
                .handledBy(v.handledBy().orElse(null))
                .note(item.note());
    }

    private static List<FollowUpFlag> flags(FollowUpTaskRecord t) {
        List<FollowUpFlag> flags = new ArrayList<>();
        if (t.socialWorker()) {
            flags.add(FollowUpFlag.SOCIAL_WORKER);
        }
        if (t.childProtection()) {
            flags.add(FollowUpFlag.CHILD_PROTECTION);
        }
        if (t.lookedAfter()) {
            flags.add(FollowUpFlag.LOOKED_AFTER);
        }
        if (!"NONE".equals(t.sendStatus())) {
            flags.add(FollowUpFlag.fromValue(t.sendStatus()));
        }
        return flags;
    }

    private static FollowUpContact contact(ContactLink c, Set<Long> tried) {
        return new FollowUpContact(c.contact().id(), c.contact().firstName() + " " + c.contact().lastName(),
                c.link().relationship(), c.contact().mobile(), c.link().priority(), c.contact().preferredLanguage(),
                tried.contains(c.contact().id()));
    }

    private static FollowUpText text(TaskView.TaskText t) {
        FollowUpText text = new FollowUpText(t.received() ? FollowUpTextDirection.RECEIVED : FollowUpTextDirection.SENT,
                t.body(), utc(t.at()))
                .contactId(t.contactId())
                .deliveryStatus(t.deliveryStatus())
                .absenceReportId(t.reportId());
        if (t.status() != null) {
            text.status(NotificationStatus.fromValue(t.status()));
        }
        if (t.reason() != null) {
            text.reason(FollowUpTextReason.fromValue(t.reason()));
        }
        return text;
    }

    private static CallOutcomeEntry outcome(TaskOutcomeRecord o) {
        return new CallOutcomeEntry(uk.attendance.contract.model.CallOutcome.fromValue(o.outcome().name()), o.staffName(),
                o.staffPosition(), utc(o.recordedAt()))
                .contactId(o.contactId())
                .code(o.code())
                .note(o.note())
                .registerResult(o.registerResult() == null ? null : CallOutcomeEntryRegisterResult.fromValue(o.registerResult()));
    }

    private static int state(FollowUpViews.Counts c, TaskState state) {
        return c.callTasks().getOrDefault(state, 0);
    }
}
