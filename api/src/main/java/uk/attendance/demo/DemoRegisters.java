package uk.attendance.demo;

import uk.attendance.contract.model.MarkImportRow;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.rules.calendar.DayKind;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolYear;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A school's register history from the start of the academic year to yesterday, plus this morning's
 * register on a school day whatever the time the demo starts (so the register close at 09:10 finds a
 * handful of unexplained pupils, not the whole school, and the 09:30 texts and 10:00 call tasks go to
 * those families; a late arrival still to come is N for now): mostly present, with illness, appointments, lateness before and after
 * the register closed, family holidays, trips, fixtures and unexplained absence. An unexplained absence
 * in the last 3 school days (or today) is still N; older ones are O, as the 5-school-day rule (rule book
 * §4) would have made them. Each pupil has its own seeded {@link Random}, so histories are repeatable.
 */
public final class DemoRegisters {
    private static final int RECENT_SCHOOL_DAYS = 3;
    private static final int HOLIDAY_DAYS = 5;

    /** A pupil on the school's roll with the plan it was admitted from. */
    public record Enrolled(PupilRecord pupil, DemoPupil plan, boolean familyHoliday) {
    }

    private record Mark(String code, LocalTime arrival) {
        static Mark of(String code) {
            return new Mark(code, null);
        }
    }

    private final SchoolRecord school;
    private final List<LocalDate> days = new ArrayList<>();
    private final Set<LocalDate> recent = new HashSet<>();
    private final Set<LocalDate> holiday = new HashSet<>();
    private final LocalDate today;
    private final LocalTime now;
    private final SchoolCalendar calendar;

    public DemoRegisters(SchoolRecord school, SchoolCalendar calendar, SchoolYear year, LocalDateTime schoolNow) {
        this.school = school;
        this.calendar = calendar;
        this.today = schoolNow.toLocalDate();
        this.now = schoolNow.toLocalTime();
        for (LocalDate d = year.firstDay(); d.isBefore(today); d = d.plusDays(1)) {
            if (calendar.isSchoolDay(d)) {
                days.add(d);
            }
        }
        recent.addAll(days.subList(Math.max(0, days.size() - RECENT_SCHOOL_DAYS), days.size()));
        boolean todaysRegisterTaken = calendar.isSession(today, Session.AM);
        if (todaysRegisterTaken) {
            days.add(today);
            recent.add(today);
        }
        holiday.addAll(holidayWeek(year));
    }

    /** The 5 school days before the first half-term, or later ones still 6 school days in the past. */
    private List<LocalDate> holidayWeek(SchoolYear year) {
        int end = (int) days.stream().filter(d -> d.isBefore(today)).count() - 7;
        for (LocalDate d = year.firstDay(); d.isBefore(today); d = d.plusDays(1)) {
            if (calendar.day(d).kind() == DayKind.HALF_TERM) {
                LocalDate halfTerm = d;
                end = Math.min(end, (int) days.stream().filter(s -> s.isBefore(halfTerm)).count() - 1);
                break;
            }
        }
        return end - HOLIDAY_DAYS + 1 < 5 ? List.of() : List.copyOf(days.subList(end - HOLIDAY_DAYS + 1, end + 1));
    }

    public List<MarkImportRow> marks(List<Enrolled> roll) {
        List<MarkImportRow> rows = new ArrayList<>();
        for (Enrolled e : roll) {
            history(e, rows);
        }
        rows.sort((a, b) -> a.getDate().compareTo(b.getDate()));
        return rows;
    }

    private void history(Enrolled e, List<MarkImportRow> rows) {
        AttendanceProfile profile = e.plan().profile();
        Random random = new Random(31L * e.plan().key() + school.urn());
        int tripDay = 10 + Math.floorMod(e.pupil().registrationGroup().hashCode(), 40);
        boolean secondary = !e.plan().school().isPrimary();
        int illnessLeft = 0;
        int onRoll = 0;
        for (int i = 0; i < days.size(); i++) {
            LocalDate date = days.get(i);
            if (!e.pupil().onRollOn(date)) {
                continue;
            }
            int n = onRoll++;
            Mark am;
            Mark pm;
            if (e.familyHoliday() && holiday.contains(date)) {
                am = pm = Mark.of("G");
            } else if (illnessLeft > 0) {
                illnessLeft--;
                am = pm = Mark.of("I");
            } else if (profile == AttendanceProfile.SEVERE && n % 5 < 3) {
                am = n % 5 == 0 ? Mark.of("O") : n % 5 == 1 ? Mark.of("I") : veryLate(random, true);
                pm = n % 5 == 1 ? Mark.of("I") : Mark.of("O");
            } else if (profile == AttendanceProfile.PERSISTENT && n % 7 == 3) {
                am = pm = Mark.of(n % 14 == 3 ? "O" : "I");
            } else if (profile == AttendanceProfile.CONCERN && n % 25 == 11) {
                am = pm = Mark.of("I");
            } else if (random.nextDouble() < profile.illness) {
                illnessLeft = random.nextInt(3);
                am = pm = Mark.of("I");
            } else if (random.nextDouble() < profile.truancy) {
                am = pm = Mark.of("O");
            } else if (random.nextDouble() < 0.008) {
                boolean morning = random.nextBoolean();
                am = morning ? Mark.of("M") : present(random, profile, true);
                pm = morning ? Mark.of("\\") : Mark.of("M");
            } else if (random.nextDouble() < 0.001) {
                am = pm = Mark.of("C");
            } else if (i == tripDay) {
                am = pm = Mark.of("V");
            } else {
                am = present(random, profile, true);
                pm = present(random, profile, false);
                if (secondary && date.getDayOfWeek() == DayOfWeek.WEDNESDAY && random.nextDouble() < 0.04) {
                    pm = Mark.of("P");
                }
            }
            add(rows, e.pupil(), date, Session.AM, am);
            if (!date.equals(today)) {
                add(rows, e.pupil(), date, Session.PM, pm);
            }
        }
    }

    private Mark present(Random random, AttendanceProfile profile, boolean morning) {
        double r = random.nextDouble();
        if (r < profile.veryLate * (morning ? 1 : 0.3)) {
            return veryLate(random, morning);
        }
        if (r < profile.veryLate + profile.late * (morning ? 1 : 0.3)) {
            LocalTime opens = morning ? school.amRegisterOpens() : school.pmRegisterOpens();
            return new Mark("L", opens.plusMinutes(1 + random.nextInt(school.registerOpenMinutes() - 1)));
        }
        return Mark.of(morning ? "/" : "\\");
    }

    /** Arrived after the register closed but before the session ended: U. */
    private Mark veryLate(Random random, boolean morning) {
        LocalTime closes = (morning ? school.amRegisterOpens() : school.pmRegisterOpens()).plusMinutes(school.registerOpenMinutes());
        LocalTime ends = morning ? school.amSessionEnds() : school.pmSessionEnds();
        long span = Math.min(50, ChronoUnit.MINUTES.between(closes, ends));
        return new Mark("U", closes.plusMinutes(random.nextInt((int) span)));
    }

    private void add(List<MarkImportRow> rows, PupilRecord pupil, LocalDate date, Session session, Mark mark) {
        if (!calendar.isSession(date, session)) {
            return;
        }
        String code = mark.code();
        LocalTime arrival = mark.arrival();
        if (date.equals(today) && arrival != null && !arrival.isBefore(now)) {
            code = "N"; // not in yet, no word from home
            arrival = null;
        }
        if (code.equals("O") && recent.contains(date)) {
            code = "N";
        }
        MarkImportRow row = new MarkImportRow(pupil.id(), date, uk.attendance.contract.model.Session.fromValue(session.name()), code);
        if (arrival != null) {
            row.arrivalTime(arrival.toString());
        }
        rows.add(row);
    }
}
