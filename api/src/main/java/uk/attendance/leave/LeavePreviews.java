package uk.attendance.leave;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.contract.model.LeavePreviewInput;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.register.RegisterService;
import uk.attendance.rules.penalty.PenaltyThreshold;
import uk.attendance.rules.PupilFacts;
import uk.attendance.rules.calendar.Session;
import uk.attendance.rules.SessionMark;
import uk.attendance.school.SchoolYear;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Loads what the rules core needs for a leave preview (as the overview does) and asks it. */
@Singleton
class LeavePreviews {
    private final LeaveDrafts drafts;
    private final RegisterService register;

    LeavePreviews(LeaveDrafts drafts, RegisterService register) {
        this.drafts = drafts;
        this.register = register;
    }

    record Preview(LeaveDraft draft, List<SessionMark> requested, LeaveForecast forecast) {
    }

    Preview preview(Caller caller, LeavePreviewInput in) {
        LeaveDraft draft = drafts.check(caller, in.getPupilId(), in.getType(), in.getFirstDay(),
                LeaveApiModels.session(in.getFirstSession(), Session.AM), in.getLastDay(),
                LeaveApiModels.session(in.getLastSession(), Session.PM));
        List<SessionMark> requested = approvedCodes(draft);
        PupilRecord pupil = draft.pupil();
        LocalDate last = requested.get(requested.size() - 1).date();
        LocalDate earliestYear = SchoolYear.containing(draft.today().isBefore(last) ? draft.today() : last).firstDay();
        // Threshold windows reach back 10 school weeks and earlier events consume sessions: a year before is plenty.
        LocalDate from = earliestYear.minusYears(1).isBefore(PenaltyThreshold.FRAMEWORK_START)
                ? PenaltyThreshold.FRAMEWORK_START : earliestYear.minusYears(1);
        List<SessionMark> marks = register.sessionMarks(pupil.id(), from, last);
        LeaveForecast forecast = LeaveForecast.of(draft.calendar(), facts(pupil), marks, requested, draft.today(),
                LeaveCodes.refused(draft.type()));
        return new Preview(draft, requested, forecast);
    }

    /** The requested sessions with the code each gets if every one is approved. */
    static List<SessionMark> approvedCodes(LeaveDraft draft) {
        List<SessionMark> marks = new ArrayList<>();
        List<LocalDate> days = draft.sessions().stream().map(LeaveSlot::date).distinct().toList();
        for (LeaveSlot slot : draft.sessions()) {
            marks.add(new SessionMark(slot.date(), slot.session(), LeaveCodes.approved(draft.type(), days.indexOf(slot.date()))));
        }
        return marks;
    }

    static PupilFacts facts(PupilRecord pupil) {
        return new PupilFacts(pupil.dateOfBirth(), pupil.admissionDate(), Optional.ofNullable(pupil.leavingDate()));
    }
}
