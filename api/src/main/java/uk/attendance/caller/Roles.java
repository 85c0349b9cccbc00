package uk.attendance.caller;

/** Role names as they appear in tokens, {@code @Secured} and the contract's {@code x-allowed-roles}. */
public final class Roles {
    public static final String PARENT = "PARENT";
    public static final String ATTENDANCE_OFFICER = "ATTENDANCE_OFFICER";
    public static final String TEACHER = "TEACHER";
    public static final String DSL = "DSL";
    public static final String HEADTEACHER = "HEADTEACHER";
    public static final String TRUST_ADMIN = "TRUST_ADMIN";

    private Roles() {
    }
}
