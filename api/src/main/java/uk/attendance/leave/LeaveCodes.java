package uk.attendance.leave;

import uk.attendance.contract.model.LeaveType;
import uk.attendance.rules.RegisterCode;

/**
 * The register code each kind of leave gets when approved, and when refused and taken anyway, and how a sentence names
 * it (rule book §1, §4): a refused holiday is G ("holiday not granted by the school"); any other refused leave is O
 * (absent, no other code applies). Both count towards the penalty-notice threshold.
 */
final class LeaveCodes {
    private LeaveCodes() {
    }

    static RegisterCode of(LeaveType type) {
        return switch (type) {
            case EXCEPTIONAL_CIRCUMSTANCES, HOLIDAY -> RegisterCode.C;
            case REGULATED_PERFORMANCE_OR_EMPLOYMENT_ABROAD -> RegisterCode.C1;
            case INTERVIEW -> RegisterCode.J1;
            case STUDY_LEAVE -> RegisterCode.S;
            case RELIGIOUS_OBSERVANCE -> RegisterCode.R;
            case MEDICAL -> RegisterCode.M;
        };
    }

    /** The code for a session the school did not approve, when the pupil is absent all the same. */
    static RegisterCode refused(LeaveType type) {
        return type == LeaveType.HOLIDAY ? RegisterCode.G : RegisterCode.O;
    }

    /**
     * The code for an approved session on the n-th approved school day (0-based). A religious body sets apart one
     * day: only that day may be R; further days are leave for exceptional circumstances at the school's discretion.
     */
    static RegisterCode approved(LeaveType type, int approvedDayIndex) {
        return type == LeaveType.RELIGIOUS_OBSERVANCE && approvedDayIndex > 0 ? RegisterCode.C : of(type);
    }

    /** Lower-case words for sentences: "recorded as leave for an interview (J1)". */
    static String label(RegisterCode code) {
        return switch (code) {
            case C -> "leave for exceptional circumstances";
            case C1 -> "leave for a licensed performance or employment abroad";
            case J1 -> "leave for an interview";
            case S -> "study leave for a public examination";
            case R -> "religious observance";
            case M -> "leave for a medical or dental appointment";
            case G -> "a holiday not agreed by the school";
            case O -> "an absence without the school's permission";
            default -> code.meaning().toLowerCase(java.util.Locale.UK);
        };
    }
}
