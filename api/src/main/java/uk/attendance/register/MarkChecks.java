package uk.attendance.register;

import uk.attendance.platform.ApiProblem.FieldProblem;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.rules.calendar.CalendarDay;
import uk.attendance.rules.calendar.DayKind;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The register's acceptance rules (rule book §1 and the calendar): a code in force, `/` only AM and
 * `\` only PM, marks only on school sessions (`#` only on planned closures), pupils only while on roll.
 * Each check adds a {@link FieldProblem} naming the field and returns the parsed value when it passed.
 */
final class MarkChecks {
    static final RegisterCode PLANNED_CLOSURE = RegisterCode.fromSymbol("#").orElseThrow();

    private MarkChecks() {
    }

    static Optional<RegisterCode> code(String raw, Session session, String field, Integer index, List<FieldProblem> problems) {
        Optional<RegisterCode> code = RegisterCode.fromSymbol(raw == null ? "" : raw);
        if (code.isEmpty()) {
            problems.add(new FieldProblem(field, quote(raw) + " is not a register code in force from 19 August 2024", index));
            return Optional.empty();
        }
        if (!code.get().allowedIn(session)) {
            problems.add(new FieldProblem(field, quote(raw) + " is only for the "
                    + (session == Session.AM ? "afternoon (PM)" : "morning (AM)") + " register", index));
            return Optional.empty();
        }
        return code;
    }

    static boolean session(SchoolCalendar calendar, LocalDate date, Session session, RegisterCode code,
                           String dateField, String codeField, Integer index, List<FieldProblem> problems) {
        CalendarDay day = calendar.day(date);
        boolean plannedClosure = day.kind() == DayKind.INSET || day.kind() == DayKind.PLANNED_CLOSURE;
        if (calendar.isSession(date, session)) {
            if (code == PLANNED_CLOSURE) {
                problems.add(new FieldProblem(codeField, "# is only for planned whole-school closures", index));
                return false;
            }
            return true;
        }
        if (plannedClosure && code == PLANNED_CLOSURE) {
            return true;
        }
        String why = day.kind() == DayKind.SCHOOL_DAY ? day.description().orElse("no session planned") : describe(day.kind());
        problems.add(new FieldProblem(dateField, date + " " + session + " is not a school session (" + why + ")", index));
        return false;
    }

    static boolean onRoll(PupilRecord pupil, LocalDate date, String field, Integer index, List<FieldProblem> problems) {
        if (pupil.onRollOn(date)) {
            return true;
        }
        problems.add(new FieldProblem(field, "pupil " + pupil.id() + " was not on roll on " + date, index));
        return false;
    }

    private static String describe(DayKind kind) {
        return switch (kind) {
            case WEEKEND -> "weekend";
            case HOLIDAY -> "school holiday";
            case HALF_TERM -> "half-term";
            case BANK_HOLIDAY -> "bank holiday";
            case INSET -> "INSET day";
            case PLANNED_CLOSURE -> "planned closure";
            case UNEXPECTED_CLOSURE -> "unexpected closure";
            case SCHOOL_DAY -> "no session planned";
        };
    }

    private static String quote(String raw) {
        return raw == null ? "(empty)" : "'" + (raw.length() > 10 ? raw.substring(0, 10) + "…" : raw) + "'";
    }
}
