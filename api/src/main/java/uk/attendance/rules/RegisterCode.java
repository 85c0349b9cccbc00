package uk.attendance.rules;

import uk.attendance.rules.calendar.Session;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static uk.attendance.rules.Category.ADMINISTRATIVE;
import static uk.attendance.rules.Category.APPROVED_EDUCATIONAL_ACTIVITY;
import static uk.attendance.rules.Category.AUTHORISED;
import static uk.attendance.rules.Category.NOT_POSSIBLE;
import static uk.attendance.rules.Category.PRESENT;
import static uk.attendance.rules.Category.UNAUTHORISED;

/**
 * Attendance register codes in force from 19 August 2024 (rule book §1), declared in table order.
 * H, Y, J and F were withdrawn or never existed and are deliberately absent.
 */
public enum RegisterCode {
    PRESENT_AM("/", PRESENT, "Present at the start of the morning register"),
    PRESENT_PM("\\", PRESENT, "Present at the start of the afternoon register"),
    L("L", PRESENT, "Late: arrived after the register started but before it closed"),
    K("K", APPROVED_EDUCATIONAL_ACTIVITY, "Attending education arranged by the local authority"),
    V("V", APPROVED_EDUCATIONAL_ACTIVITY, "On an educational visit or trip run by the school"),
    P("P", APPROVED_EDUCATIONAL_ACTIVITY, "Taking part in an approved supervised sporting activity"),
    W("W", APPROVED_EDUCATIONAL_ACTIVITY, "Attending work experience"),
    B("B", APPROVED_EDUCATIONAL_ACTIVITY, "Attending another approved, supervised educational activity"),
    D("D", NOT_POSSIBLE, "Dual registered: due at the other school this session"),
    C("C", AUTHORISED, "Leave of absence granted for exceptional circumstances"),
    C1("C1", AUTHORISED, "Leave for a licensed performance or employment abroad"),
    C2("C2", AUTHORISED, "Agreed temporary part-time timetable"),
    E("E", AUTHORISED, "Suspended or excluded, no alternative provision arranged yet"),
    J1("J1", AUTHORISED, "Leave for an interview for a job or another school or college"),
    M("M", AUTHORISED, "Leave for a medical or dental appointment"),
    S("S", AUTHORISED, "Leave to study for a public examination"),
    T("T", AUTHORISED, "Mobile child: family travelling for the parent's trade"),
    R("R", AUTHORISED, "Day set apart for religious observance by the family's religious body"),
    I("I", AUTHORISED, "Illness (physical or mental health)"),
    X("X", NOT_POSSIBLE, "Not of compulsory school age and not required to attend this session"),
    Q("Q", NOT_POSSIBLE, "Unable to attend: the local authority has not arranged access or transport"),
    Y1("Y1", NOT_POSSIBLE, "Unable to attend: the usual transport was not available"),
    Y2("Y2", NOT_POSSIBLE, "Unable to attend: widespread travel disruption"),
    Y3("Y3", NOT_POSSIBLE, "Unable to attend: part of the school was unavoidably out of use"),
    Y4("Y4", NOT_POSSIBLE, "Unable to attend: the whole school was unexpectedly closed"),
    Y5("Y5", NOT_POSSIBLE, "Unable to attend: in criminal justice detention"),
    Y6("Y6", NOT_POSSIBLE, "Unable to attend: public health guidance or law"),
    Y7("Y7", NOT_POSSIBLE, "Unable to attend: another unavoidable cause"),
    G("G", UNAUTHORISED, "Holiday taken in term time without the school's permission"),
    N("N", UNAUTHORISED, "Reason for absence not yet provided"),
    O("O", UNAUTHORISED, "Absent without a reason the school can accept"),
    U("U", UNAUTHORISED, "Arrived after the register closed (counted as an absence)"),
    Z("Z", ADMINISTRATIVE, "Not yet on the school's admission register"),
    PLANNED_CLOSURE("#", ADMINISTRATIVE, "Planned whole-school closure");

    private static final List<RegisterCode> ALL = List.of(values());
    private static final Map<String, RegisterCode> BY_SYMBOL =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(RegisterCode::symbol, Function.identity()));

    private final String symbol;
    private final Category category;
    private final String meaning;

    RegisterCode(String symbol, Category category, String meaning) {
        this.symbol = symbol;
        this.category = category;
        this.meaning = meaning;
    }

    public String symbol() {
        return symbol;
    }

    public Category category() {
        return category;
    }

    /** Plain-English meaning, abridged from the 2024 regulations, suitable for parents. */
    public String meaning() {
        return meaning;
    }

    /** Unauthorised codes G, N, O, U count towards the penalty-notice threshold (rule book §3). */
    public boolean countsTowardsPenaltyThreshold() {
        return category == UNAUTHORISED;
    }

    /** {@code /} belongs to the morning register and {@code \} to the afternoon one; every other code fits both. */
    public boolean allowedIn(Session session) {
        return switch (this) {
            case PRESENT_AM -> session == Session.AM;
            case PRESENT_PM -> session == Session.PM;
            default -> true;
        };
    }

    /** The on-time present code for a session: {@code /} for AM, {@code \} for PM. */
    public static RegisterCode presentFor(Session session) {
        return session == Session.AM ? PRESENT_AM : PRESENT_PM;
    }

    /** Exact, case-sensitive lookup; withdrawn codes (H, Y, J) and unknown symbols give empty. */
    public static Optional<RegisterCode> fromSymbol(String symbol) {
        return symbol == null ? Optional.empty() : Optional.ofNullable(BY_SYMBOL.get(symbol));
    }

    /** All codes in rule-book table order. */
    public static List<RegisterCode> all() {
        return ALL;
    }
}
