package uk.attendance.absence;

import uk.attendance.contract.model.AbsenceReportReason;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.rules.calendar.CalendarDay;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;
import uk.attendance.school.SchoolRecord;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which school sessions a report covers and what it asks of each, from the school's calendar and the reason.
 * Pure: the caller reads the calendar, the school's times and its settings.
 */
final class AbsenceReportPlanner {
    private AbsenceReportPlanner() {
    }

    record Planned(LocalDate date, Session session, AbsenceReportDisposition disposition, Optional<RegisterCode> code) {
        String key() {
            return date + " " + session;
        }
    }

    record SkippedDay(LocalDate date, String reason) {
    }

    /**
     * Illness is coded I on the parent's word ({@code APPLY}); an appointment (M) or religious observance (R) awaits the
     * school's confirmation with the code proposed; an OTHER reason awaits a decision with no code.
     *
     * @param staffDecide the school decides the code (illness under review, or days added to a report the school is
     *                    deciding or decided)
     */
    static List<Planned> plan(SchoolCalendar calendar, SchoolRecord school, PupilRecord pupil, AbsenceReportReason reason,
                              LocalDate first, LocalDate last, Optional<LocalTime> appointment,
                              Optional<LocalTime> appointmentEnds, boolean staffDecide) {
        List<Planned> planned = new ArrayList<>();
        Optional<RegisterCode> onParentsWord = AbsenceReportCodes.codeOnParentsWord(reason);
        Optional<RegisterCode> proposed = AbsenceReportCodes.proposedCode(reason);
        LocalDate observanceDay = null;
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (!pupil.onRollOn(date)) {
                continue;
            }
            List<Session> sessions = reason == AbsenceReportReason.MEDICAL_APPOINTMENT
                    ? appointmentSessions(school, appointment.orElseThrow(), appointmentEnds)
                    : List.of(Session.AM, Session.PM);
            for (Session session : sessions) {
                if (!calendar.isSession(date, session)) {
                    continue;
                }
                if (reason == AbsenceReportReason.RELIGIOUS_OBSERVANCE) {
                    // A religious body sets apart a day: only one day may be R, further days need leave (rule book §4).
                    if (observanceDay == null) {
                        observanceDay = date;
                    }
                    if (!observanceDay.equals(date)) {
                        planned.add(new Planned(date, session, AbsenceReportDisposition.NEEDS_LEAVE_REQUEST, Optional.empty()));
                        continue;
                    }
                }
                planned.add(!staffDecide && onParentsWord.isPresent()
                        ? new Planned(date, session, AbsenceReportDisposition.APPLY, onParentsWord)
                        : new Planned(date, session, AbsenceReportDisposition.AWAITING_DECISION, proposed));
            }
        }
        return planned;
    }

    /**
     * The sessions an appointment touches. Convention: the morning session lasts until the afternoon register opens,
     * the afternoon session from then on; without an end time, only the session of the start time.
     */
    static List<Session> appointmentSessions(SchoolRecord school, LocalTime start, Optional<LocalTime> ends) {
        LocalTime afternoon = school.pmRegisterOpens();
        List<Session> sessions = new ArrayList<>(2);
        if (start.isBefore(afternoon)) {
            sessions.add(Session.AM);
        }
        if (ends.map(e -> e.isAfter(afternoon)).orElse(!start.isBefore(afternoon))) {
            sessions.add(Session.PM);
        }
        return sessions;
    }

    /** Days in the range without a school session for this pupil, and why. */
    static List<SkippedDay> skippedDays(SchoolCalendar calendar, PupilRecord pupil, LocalDate first, LocalDate last) {
        List<SkippedDay> skipped = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            CalendarDay day = calendar.day(date);
            if (!day.isSchoolDay()) {
                skipped.add(new SkippedDay(date, describe(day)));
            } else if (!pupil.onRollOn(date)) {
                skipped.add(new SkippedDay(date, "not on the school's roll"));
            }
        }
        return skipped;
    }

    /** "weekend", "half-term, weekend": the distinct reasons, in the order they come. */
    static String reasons(List<SkippedDay> skipped) {
        Set<String> distinct = new LinkedHashSet<>();
        skipped.forEach(d -> distinct.add(d.reason()));
        return String.join(", ", distinct);
    }

    private static String describe(CalendarDay day) {
        String kind = switch (day.kind()) {
            case WEEKEND -> "weekend";
            case HOLIDAY -> "school holiday";
            case HALF_TERM -> "half-term";
            case BANK_HOLIDAY -> "bank holiday";
            case INSET -> "INSET day";
            case PLANNED_CLOSURE -> "school closed";
            case UNEXPECTED_CLOSURE -> "school closed unexpectedly";
            case SCHOOL_DAY -> "no session planned";
        };
        return day.description().filter(d -> !d.isBlank() && day.kind() != uk.attendance.rules.calendar.DayKind.WEEKEND)
                .map(d -> kind + " (" + d + ")").orElse(kind);
    }
}
