package uk.attendance.leave;

import uk.attendance.rules.RegisterCode;

/**
 * The reason the register keeps with a code set by a leave decision. It names the request and who decided, never the
 * parent's reason (registers are read by class teachers).
 */
final class LeaveReasons {
    private LeaveReasons() {
    }

    static String forRegister(long requestId, LeaveOutcome outcome, RegisterCode code, String byName, String byPosition) {
        String by = byName == null ? "" : " by " + byName + (byPosition == null || byPosition.isBlank() ? "" : " (" + byPosition + ")");
        String text = outcome == LeaveOutcome.APPROVED
                ? "Leave request " + requestId + " approved" + by + ": " + LeaveCodes.label(code) + " (" + code.symbol() + ")"
                : "Leave request " + requestId + " not approved" + by + ": absent without the school's permission"
                        + (code == RegisterCode.G ? ", " + LeaveCodes.label(code) : "") + " (" + code.symbol() + ")";
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
