package uk.attendance.parttime;

import uk.attendance.contract.model.PartTimeReview;
import uk.attendance.contract.model.PartTimeReviewInput;
import uk.attendance.contract.model.PartTimeReviewOutcome;
import uk.attendance.contract.model.PartTimeSession;
import uk.attendance.contract.model.PartTimeTimetable;
import uk.attendance.contract.model.PartTimeTimetableInput;
import uk.attendance.contract.model.PartTimeTimetableStatus;
import uk.attendance.contract.model.PartTimeWeekday;
import uk.attendance.contract.model.Session;

import java.time.DayOfWeek;
import java.util.Optional;

import static uk.attendance.platform.ContractTimes.utc;

/** Part-time timetables between the contract's models and the domain's; the staff-only fields only for staff. */
final class PartTimeContract {
    private PartTimeContract() {
    }

    static PartTimeAgreement agreement(PartTimeTimetableInput in) {
        return new PartTimeAgreement(in.getOffSessions().stream().map(PartTimeContract::offSession).toList(),
                in.getStartsOn(), in.getProposedEndOn(), in.getReviewDates(), in.getReason(),
                Optional.ofNullable(in.getLongerReason()), in.getAgreedWithContactId());
    }

    static PartTimeReviewDraft review(PartTimeReviewInput in) {
        return new PartTimeReviewDraft(in.getReviewedOn(), PartTimeReviewRow.Outcome.valueOf(in.getOutcome().getValue()),
                Optional.ofNullable(in.getNote()), Optional.ofNullable(in.getNewEndOn()), Optional.ofNullable(in.getNextReviewOn()));
    }

    static PartTimeStatus status(PartTimeTimetableStatus status) {
        return status == null ? PartTimeStatus.ACTIVE : PartTimeStatus.valueOf(status.getValue());
    }

    private static OffSession offSession(PartTimeSession s) {
        return new OffSession(DayOfWeek.valueOf(s.getWeekday().getValue()), uk.attendance.rules.calendar.Session.valueOf(s.getSession().getValue()));
    }

    static PartTimeTimetable model(PartTimeTimetables.View v) {
        PartTimeTimetableRow r = v.row();
        PartTimeTimetable m = new PartTimeTimetable(r.id(), r.pupilId(), r.schoolId(),
                PartTimeTimetableStatus.fromValue(v.status().name()),
                v.offSessions().stream().map(s -> new PartTimeSession(PartTimeWeekday.fromValue(s.weekday().name()),
                        Session.fromValue(s.session().name()))).toList(),
                r.startsOn(), r.proposedEndOn(), r.originalEndOn(), v.reviewDates(), r.agreedByStaffId(), r.agreedByName(),
                r.agreedWithContactId(), v.agreedWith(),
                v.reviews().stream().map(x -> {
                    PartTimeReview review = new PartTimeReview(x.id(), x.reviewedOn(),
                            PartTimeReviewOutcome.fromValue(x.outcome().name()), utc(x.createdAt()), x.createdByName())
                            .newEndOn(x.newEndOn()).nextReviewOn(x.nextReviewOn());
                    return v.forStaff() ? review.note(x.note()) : review;
                }).toList(),
                utc(r.createdAt()))
                .endedOn(r.endedOn())
                .nextReviewOn(v.nextReviewOn().orElse(null));
        if (v.forStaff()) {
            m.reason(r.reason()).longerReason(r.longerReason()).endNote(r.endNote());
        }
        return m;
    }
}
