package uk.attendance.absence;

import uk.attendance.contract.model.AbsenceReportReason;
import uk.attendance.rules.Category;
import uk.attendance.rules.RegisterCode;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The register codes a parent's reason leads to (rule book §1 and §4): illness → I (physical or mental health) on the
 * parent's word; a medical or dental appointment → M and religious observance → R (one day) proposed by the parent and
 * recorded once staff confirm (M is leave, which only a person the school authorises gives; R needs a day set apart by
 * the religious body); anything else → decided by staff. Pure: no database, no clock.
 */
final class AbsenceReportCodes {
    /** What staff may decide on an OTHER report: authorised or unavoidable reasons a family can explain after the event. */
    private static final List<RegisterCode> OTHER_REASON_CODES = List.of(RegisterCode.I, RegisterCode.M, RegisterCode.T,
            RegisterCode.Y1, RegisterCode.Y2, RegisterCode.Y3, RegisterCode.Y5, RegisterCode.Y6, RegisterCode.Y7);
    /** The school is not satisfied with the reason (O) or it was a holiday (G): unauthorised, on any report. */
    private static final List<RegisterCode> NOT_ACCEPTED = List.of(RegisterCode.O, RegisterCode.G);

    private AbsenceReportCodes() {
    }

    /** The code a parent's word alone records: illness only (policy 002: a parent's notification is the evidence). */
    static Optional<RegisterCode> codeOnParentsWord(AbsenceReportReason reason) {
        return reason == AbsenceReportReason.ILLNESS ? Optional.of(RegisterCode.I) : Optional.empty();
    }

    /** The code a parent's reason proposes for staff to confirm before the register records it: M or R. */
    static Optional<RegisterCode> proposedCode(AbsenceReportReason reason) {
        return switch (reason) {
            case MEDICAL_APPOINTMENT -> Optional.of(RegisterCode.M);
            case RELIGIOUS_OBSERVANCE -> Optional.of(RegisterCode.R);
            case ILLNESS, OTHER -> Optional.empty();
        };
    }

    /** The code the reason leads to, on the parent's word or once confirmed, when there is one. */
    static Optional<RegisterCode> codeFor(AbsenceReportReason reason) {
        return switch (reason) {
            case ILLNESS -> Optional.of(RegisterCode.I);
            case MEDICAL_APPOINTMENT -> Optional.of(RegisterCode.M);
            case RELIGIOUS_OBSERVANCE -> Optional.of(RegisterCode.R);
            case OTHER -> Optional.empty();
        };
    }

    /**
     * The codes staff may decide for a report with this reason. {@code C} (leave for exceptional circumstances) only when
     * the family asked before the first day: leave is never granted retrospectively (rule book §4).
     */
    static List<RegisterCode> decisionCodes(AbsenceReportReason reason, boolean askedInAdvance) {
        List<RegisterCode> accepted = switch (reason) {
            case OTHER -> askedInAdvance
                    ? concat(List.of(RegisterCode.C), OTHER_REASON_CODES)
                    : OTHER_REASON_CODES;
            default -> List.of(codeFor(reason).orElseThrow());
        };
        return concat(accepted, NOT_ACCEPTED);
    }

    static boolean notAccepted(RegisterCode code) {
        return code.category() == Category.UNAUTHORISED;
    }

    /** Why the register changed, as its amendment trail and the register's expected entry show it. */
    static String trailReason(long reportId, AbsenceReportReason reason, Optional<String> decidedCode) {
        String base = "Absence report " + reportId + " from a parent: " + label(reason);
        return decidedCode.map(code -> base + (RegisterCode.fromSymbol(code).map(AbsenceReportCodes::notAccepted).orElse(false)
                ? " (reason not accepted by the school)"
                : proposedCode(reason).map(RegisterCode::symbol).filter(code::equals).isPresent()
                ? " (confirmed by the school)" : " (decided by the school)")).orElse(base);
    }

    /** The register's expected entry for a code the school has still to confirm. */
    static String awaitingConfirmation(long reportId, AbsenceReportReason reason) {
        return "Absence report " + reportId + " from a parent: " + label(reason) + " (awaiting confirmation by the school)";
    }

    static String label(AbsenceReportReason reason) {
        return switch (reason) {
            case ILLNESS -> "illness";
            case MEDICAL_APPOINTMENT -> "medical or dental appointment";
            case RELIGIOUS_OBSERVANCE -> "religious observance";
            case OTHER -> "other reason";
        };
    }

    private static List<RegisterCode> concat(List<RegisterCode> a, List<RegisterCode> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
