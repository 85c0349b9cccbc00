package uk.attendance.leave;

import uk.attendance.rules.calendar.CalendarDay;
import uk.attendance.rules.calendar.DayKind;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The days asked for: from {@code firstSession} of the first day (AM, or PM for "from the afternoon") to
 * {@code lastSession} of the last day (PM, or AM for "back for the afternoon").
 */
record LeavePeriod(LocalDate firstDay, Session firstSession, LocalDate lastDay, Session lastSession) {

    boolean covers(LocalDate date, Session session) {
        if (date.isBefore(firstDay) || date.isAfter(lastDay)) {
            return false;
        }
        return !(date.equals(firstDay) && session == Session.AM && firstSession == Session.PM)
                && !(date.equals(lastDay) && session == Session.PM && lastSession == Session.AM);
    }

    /** The school sessions of the calendar in the period, in order. */
    List<LeaveSlot> sessions(SchoolCalendar calendar) {
        List<LeaveSlot> slots = new ArrayList<>();
        for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
            for (Session s : Session.values()) {
                if (covers(d, s) && calendar.isSession(d, s)) {
                    slots.add(new LeaveSlot(d, s));
                }
            }
        }
        return slots;
    }

    /** Days of the period without school (and asked-for half days the school is closed), named. */
    List<Skipped> skipped(SchoolCalendar calendar) {
        List<Skipped> skipped = new ArrayList<>();
        for (CalendarDay day : calendar.days(firstDay, lastDay)) {
            if (!day.isSchoolDay()) {
                skipped.add(new Skipped(day.date(), day.kind(), Optional.empty(), describe(day)));
                continue;
            }
            for (Session s : Session.values()) {
                if (covers(day.date(), s) && !day.hasSession(s)) {
                    skipped.add(new Skipped(day.date(), DayKind.SCHOOL_DAY, Optional.of(s),
                            day.description().orElse("No school this " + (s == Session.AM ? "morning" : "afternoon"))));
                }
            }
        }
        return skipped;
    }

    /** A date (or half a day) with no school session in the period. */
    record Skipped(LocalDate date, DayKind kind, Optional<Session> session, String description) {
    }

    private static String describe(CalendarDay day) {
        String kind = switch (day.kind()) {
            case WEEKEND -> "Weekend";
            case HOLIDAY -> "School holiday";
            case HALF_TERM -> "Half-term";
            case BANK_HOLIDAY -> "Bank holiday";
            case INSET -> "INSET day (school closed to pupils)";
            case PLANNED_CLOSURE -> "School closed";
            case UNEXPECTED_CLOSURE, SCHOOL_DAY -> "No school";
        };
        return day.description().filter(d -> !d.isBlank()).map(d -> kind + ": " + d).orElse(kind);
    }
}
