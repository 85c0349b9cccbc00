package uk.attendance.rules;

import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds register marks for tests from compact specs. */
public final class Marks {
    private Marks() {
    }

    /**
     * Marks from "N×CODE" tokens, e.g. "342x. 38xO", placed on consecutive weekday sessions from
     * {@code start} AM without a calendar. "." is the on-time present code of the session.
     */
    public static List<SessionMark> sequential(LocalDate start, String spec) {
        List<SessionMark> marks = new ArrayList<>();
        LocalDate date = start;
        Session session = Session.AM;
        for (String token : spec.trim().split("\\s+")) {
            String[] parts = token.split("x", 2);
            int n = Integer.parseInt(parts[0]);
            for (int i = 0; i < n; i++) {
                while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    date = date.plusDays(1);
                }
                marks.add(new SessionMark(date, session, code(parts[1], session)));
                if (session == Session.AM) {
                    session = Session.PM;
                } else {
                    session = Session.AM;
                    date = date.plusDays(1);
                }
            }
        }
        return marks;
    }

    /**
     * Marks on the planned sessions of a calendar, from ';'-separated "DATE SESSION COUNT CODE" groups:
     * "2024-11-04 AM 10 G" is the 10 planned sessions starting with 4 Nov AM, all G.
     */
    public static List<SessionMark> onCalendar(SchoolCalendar calendar, String spec) {
        List<SessionMark> marks = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return marks;
        }
        for (String group : spec.split(";")) {
            String[] p = group.trim().split("\\s+");
            LocalDate date = LocalDate.parse(p[0]);
            Session session = Session.valueOf(p[1]);
            int n = Integer.parseInt(p[2]);
            int added = 0;
            for (int guard = 0; added < n; guard++) {
                if (guard > 2000) {
                    throw new IllegalStateException("calendar ran out of sessions for " + group);
                }
                if (calendar.isSession(date, session)) {
                    marks.add(new SessionMark(date, session, code(p[3], session)));
                    added++;
                }
                if (session == Session.AM) {
                    session = Session.PM;
                } else {
                    session = Session.AM;
                    date = date.plusDays(1);
                }
            }
        }
        return marks;
    }

    public static RegisterCode code(String symbol, Session session) {
        return symbol.equals(".") ? RegisterCode.presentFor(session)
                : RegisterCode.fromSymbol(symbol).orElseThrow(() -> new IllegalArgumentException(symbol));
    }

    /** Replaces the code of one session, e.g. to model an N amended to I. */
    public static List<SessionMark> amend(List<SessionMark> marks, LocalDate date, Session session, RegisterCode code) {
        List<SessionMark> result = new ArrayList<>();
        for (SessionMark m : marks) {
            result.add(m.date().equals(date) && m.session() == session ? new SessionMark(date, session, code) : m);
        }
        return result;
    }
}
