package uk.attendance.casework.letters;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.contract.model.Letter;
import uk.attendance.contract.model.LetterFigures;
import uk.attendance.contract.model.LetterSettings;
import uk.attendance.contract.model.LetterStageSetting;
import uk.attendance.contract.model.LetterStatus;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.pupil.PupilService;
import uk.attendance.staff.StaffRecord;
import uk.attendance.staff.StaffService;


import static uk.attendance.platform.ContractTimes.utc;

/** Letters and settings as the contract shows them; who proposed, edited and sent a letter is for staff only. */
@Singleton
class LetterViews {
    static final String JOB = "Daily letters job";
    private final PupilService pupils;
    private final StaffService staff;

    LetterViews(PupilService pupils, StaffService staff) {
        this.pupils = pupils;
        this.staff = staff;
    }

    Letter letter(LetterRecord l, Caller caller) {
        String pupilName = pupils.find(l.pupilId()).map(PupilRecord::displayName).orElse("");
        LetterFigures figures = new LetterFigures(l.figuresAsOf(), l.sessionsPossible(), l.sessionsMissed(),
                l.learningHoursLost(), l.penaltyStatus(), l.uLateSessions())
                .attendancePercent(l.attendancePercent())
                .band(l.band());
        Letter out = new Letter(l.id(), l.schoolId(), l.pupilId(), pupilName,
                uk.attendance.contract.model.LetterStage.fromValue(l.stage().name()), l.stageName(),
                LetterStatus.fromValue(l.status().name()), l.subject(), l.body(), figures, l.proposedOn(), utc(l.proposedAt()))
                .sentAt(utc(l.sentAt()));
        if (caller.isParent()) {
            return out;
        }
        return out.proposedBy(l.proposedByStaffId() == null ? JOB : name(l.proposedByStaffId()))
                .editedAt(utc(l.editedAt()))
                .editedBy(l.editedByStaffId() == null ? null : name(l.editedByStaffId()))
                .sentBy(l.sentByStaffId() == null ? null : name(l.sentByStaffId()))
                .recipients(l.recipients())
                .dismissedAt(utc(l.dismissedAt()))
                .dismissedBy(l.dismissedByStaffId() == null ? null : name(l.dismissedByStaffId()))
                .dismissedReason(l.dismissedReason());
    }

    static LetterSettings settings(SchoolLetterSettings s) {
        return new LetterSettings(s.schoolId(), s.resendAfterDays(), s.minimumSessions(), s.stages().stream()
                .map(st -> new LetterStageSetting(uk.attendance.contract.model.LetterStage.fromValue(st.stage().name()),
                        st.name(), st.description(), st.automatic(), st.subject(), st.body())
                        .thresholdPercent(plain(st.thresholdPercent()))
                        .ulateSessions(st.uLateSessions()))
                .toList());
    }

    /** 96.00 as stored shows as 96, 95.50 as 95.5 (never 1E+2). */
    private static java.math.BigDecimal plain(java.math.BigDecimal n) {
        if (n == null) {
            return null;
        }
        java.math.BigDecimal stripped = n.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private String name(long staffId) {
        return staff.find(staffId).map(StaffRecord::name).orElse("Former staff member");
    }
}
