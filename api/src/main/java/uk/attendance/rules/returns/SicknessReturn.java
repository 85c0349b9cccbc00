package uk.attendance.rules.returns;

import uk.attendance.rules.PupilFacts;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.SessionMark;
import uk.attendance.rules.calendar.CalendarDay;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Sickness return to the local authority (rule book §4, convention 9), for pupils of compulsory school age
 * recorded with code I. Within a school year (1 September to 31 August) a return is due at the first of:
 * <ul>
 *   <li>the day of the 30th I session of the school year (15 days cumulatively);</li>
 *   <li>the 15th consecutive school day on which every planned session is I;</li>
 *   <li>the day a parent reports an illness anticipated to cover 15 or more school days.</li>
 * </ul>
 * Only one return is made per continuous period of sickness: a trigger whose period overlaps the period of
 * an earlier return is dropped. A period is a run of consecutive school days with at least one I session
 * (days without planned sessions do not break it; a school year boundary does), or an anticipated range.
 * The cumulative trigger fires at most once per school year. Only planned sessions on days the pupil is on
 * roll and of compulsory school age count.
 */
public final class SicknessReturn {
    public static final int CUMULATIVE_SESSIONS = 30;
    public static final int CONSECUTIVE_SCHOOL_DAYS = 15;

    private SicknessReturn() {
    }

    /** Returns that became due between {@code from} and {@code asOf} inclusive, oldest first. */
    public static List<SicknessReturnDue> evaluate(SchoolCalendar calendar, Collection<SessionMark> marks,
                                                   PupilFacts pupil, Collection<AnticipatedIllness> reports,
                                                   LocalDate from, LocalDate asOf) {
        if (from.isAfter(asOf)) {
            throw new IllegalArgumentException("from " + from + " is after asOf " + asOf);
        }
        Map<Long, RegisterCode> bySession = AttendanceReturn.index(marks);
        LocalDate yearStart = schoolYearStart(from);

        List<IllDay> days = new ArrayList<>();
        for (CalendarDay day : calendar.days(yearStart, asOf)) {
            if (day.isSchoolDay()) {
                boolean eligible = pupil.onRollAndOfCompulsorySchoolAge(day.date());
                int illSessions = 0;
                for (Session s : Session.values()) {
                    if (eligible && day.hasSession(s)
                            && bySession.get(SessionMark.sessionOrdinal(day.date(), s)) == RegisterCode.I) {
                        illSessions++;
                    }
                }
                days.add(new IllDay(day.date(), illSessions, eligible && illSessions == day.sessions()));
            }
        }
        LocalDate[] runStart = new LocalDate[days.size()];
        LocalDate[] runEnd = new LocalDate[days.size()];
        markIllnessRuns(days, runStart, runEnd);

        List<SicknessReturnDue> candidates = new ArrayList<>();
        LocalDate currentYear = null;
        int cumulative = 0;
        boolean cumulativeFired = false;
        int consecutive = 0;
        for (int i = 0; i < days.size(); i++) {
            IllDay day = days.get(i);
            LocalDate year = schoolYearStart(day.date);
            if (!year.equals(currentYear)) {
                currentYear = year;
                cumulative = 0;
                cumulativeFired = false;
                consecutive = 0;
            }
            consecutive = day.fullyIll ? consecutive + 1 : 0;
            if (consecutive == CONSECUTIVE_SCHOOL_DAYS) {
                candidates.add(new SicknessReturnDue(day.date, SicknessTrigger.CONSECUTIVE_15_DAYS, runStart[i], runEnd[i]));
            }
            cumulative += day.illSessions;
            if (!cumulativeFired && cumulative >= CUMULATIVE_SESSIONS) {
                cumulativeFired = true;
                candidates.add(new SicknessReturnDue(day.date, SicknessTrigger.CUMULATIVE_15_DAYS, runStart[i], runEnd[i]));
            }
        }
        for (AnticipatedIllness report : reports) {
            if (report.reportedOn().isBefore(yearStart) || report.reportedOn().isAfter(asOf)) {
                continue;
            }
            long schoolDays = calendar.days(report.from(), report.to()).stream()
                    .filter(d -> d.isSchoolDay() && pupil.onRollAndOfCompulsorySchoolAge(d.date()))
                    .count();
            if (schoolDays >= CONSECUTIVE_SCHOOL_DAYS) {
                candidates.add(new SicknessReturnDue(report.reportedOn(), SicknessTrigger.ANTICIPATED_15_DAYS,
                        report.from(), report.to()));
            }
        }

        candidates.sort(Comparator.comparing(SicknessReturnDue::dueOn).thenComparing(SicknessReturnDue::trigger));
        List<SicknessReturnDue> accepted = new ArrayList<>();
        for (SicknessReturnDue candidate : candidates) {
            if (accepted.stream().noneMatch(a -> overlaps(a, candidate))) {
                accepted.add(candidate);
            }
        }
        return accepted.stream().filter(r -> !r.dueOn().isBefore(from)).toList();
    }

    /** 1 September of the school year containing the date. */
    public static LocalDate schoolYearStart(LocalDate date) {
        int year = date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1;
        return LocalDate.of(year, Month.SEPTEMBER, 1);
    }

    private static void markIllnessRuns(List<IllDay> days, LocalDate[] runStart, LocalDate[] runEnd) {
        int i = 0;
        while (i < days.size()) {
            if (days.get(i).illSessions == 0) {
                i++;
                continue;
            }
            int j = i;
            LocalDate year = schoolYearStart(days.get(i).date);
            while (j + 1 < days.size() && days.get(j + 1).illSessions > 0
                    && schoolYearStart(days.get(j + 1).date).equals(year)) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                runStart[k] = days.get(i).date;
                runEnd[k] = days.get(j).date;
            }
            i = j + 1;
        }
    }

    private static boolean overlaps(SicknessReturnDue a, SicknessReturnDue b) {
        return !a.periodStart().isAfter(b.periodEnd()) && !b.periodStart().isAfter(a.periodEnd());
    }

    private record IllDay(LocalDate date, int illSessions, boolean fullyIll) {
    }
}
