package uk.attendance.patterns;

import jakarta.inject.Singleton;
import uk.attendance.contract.model.AbsencePattern;
import uk.attendance.contract.model.ChartData;
import uk.attendance.contract.model.ChartDataSeriesInner;
import uk.attendance.contract.model.ChartDataUnit;
import uk.attendance.contract.model.LastYearPersistentAbsence;
import uk.attendance.contract.model.LastYearPersistentAbsentee;
import uk.attendance.contract.model.LatenessCode;
import uk.attendance.contract.model.LatenessLine;
import uk.attendance.contract.model.LatenessList;
import uk.attendance.contract.model.PatternPupil;
import uk.attendance.contract.model.PatternPupils;
import uk.attendance.contract.model.PatternWeekday;
import uk.attendance.contract.model.SessionAbsence;
import uk.attendance.contract.model.TrustAbsencePatterns;
import uk.attendance.contract.model.WeekdayAbsence;
import uk.attendance.patterns.PatternService.LastYearList;
import uk.attendance.patterns.PatternService.LateList;
import uk.attendance.patterns.PatternService.SchoolPattern;
import uk.attendance.platform.CsvWriter;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.rules.Ratio;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.Session;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The patterns' domain values as the contract's models, CSV tables and charts: the one place that maps them. */
@Singleton
class PatternContract {

    AbsencePattern pattern(SchoolPattern p) {
        SessionTally t = p.tally();
        List<WeekdayAbsence> weekdays = new ArrayList<>();
        for (DayOfWeek day : SessionTally.weekdays()) {
            SessionTally.Counts c = t.of(day);
            weekdays.add(new WeekdayAbsence(PatternWeekday.fromValue(day.name()), c.possible(), c.absent(), c.authorised(),
                    c.unauthorised())
                    .absencePercent(absence(c).orElse(null))
                    .amAbsencePercent(absence(t.of(day, Session.AM)).orElse(null))
                    .pmAbsencePercent(absence(t.of(day, Session.PM)).orElse(null)));
        }
        List<SessionAbsence> sessions = new ArrayList<>();
        for (Session session : Session.values()) {
            SessionTally.Counts c = t.of(session);
            sessions.add(new SessionAbsence(uk.attendance.contract.model.Session.fromValue(session.name()), c.possible(),
                    c.absent(), c.authorised(), c.unauthorised()).absencePercent(absence(c).orElse(null)));
        }
        SessionTally.Counts all = t.total();
        return new AbsencePattern(p.school().id(), p.school().name(), p.period().from(), p.period().to(), all.possible(),
                all.absent(), weekdays, sessions).absencePercent(absence(all).orElse(null));
    }

    TrustAbsencePatterns trust(PatternService.TrustPattern trust) {
        return new TrustAbsencePatterns(trust.period().from(), trust.period().to(),
                trust.schools().stream().map(this::pattern).toList());
    }

    String patternCsv(AbsencePattern p) {
        CsvWriter csv = new CsvWriter().row("Breakdown", "Label", "Possible sessions", "Absent sessions",
                "Authorised absent sessions", "Unauthorised absent sessions", "Absence %", "AM absence %", "PM absence %");
        for (WeekdayAbsence w : p.getWeekdays()) {
            csv.row("Weekday", dayName(DayOfWeek.valueOf(w.getDay().getValue())), w.getPossibleSessions(), w.getAbsentSessions(),
                    w.getAuthorisedSessions(), w.getUnauthorisedSessions(), w.getAbsencePercent(), w.getAmAbsencePercent(),
                    w.getPmAbsencePercent());
        }
        for (SessionAbsence s : p.getSessions()) {
            csv.row("Session", s.getSession().getValue(), s.getPossibleSessions(), s.getAbsentSessions(),
                    s.getAuthorisedSessions(), s.getUnauthorisedSessions(), s.getAbsencePercent(), null, null);
        }
        return csv.toString();
    }

    ChartData chart(AbsencePattern p) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> all = new ArrayList<>();
        List<BigDecimal> am = new ArrayList<>();
        List<BigDecimal> pm = new ArrayList<>();
        for (WeekdayAbsence w : p.getWeekdays()) {
            labels.add(dayName(DayOfWeek.valueOf(w.getDay().getValue())));
            all.add(w.getAbsencePercent());
            am.add(w.getAmAbsencePercent());
            pm.add(w.getPmAbsencePercent());
        }
        return new ChartData("Absence by day of the week", ChartDataUnit.PERCENT, labels, List.of(
                new ChartDataSeriesInner("All sessions", all), new ChartDataSeriesInner("AM", am),
                new ChartDataSeriesInner("PM", pm)));
    }

    String trustCsv(TrustAbsencePatterns trust) {
        CsvWriter csv = new CsvWriter().row("School id", "School", "Possible sessions", "Absent sessions", "Absence %",
                "Monday %", "Tuesday %", "Wednesday %", "Thursday %", "Friday %", "AM %", "PM %");
        for (AbsencePattern p : trust.getSchools()) {
            List<Object> row = new ArrayList<>(List.of(p.getSchoolId(), p.getSchoolName(), p.getPossibleSessions(),
                    p.getAbsentSessions()));
            row.add(p.getAbsencePercent());
            p.getWeekdays().forEach(w -> row.add(w.getAbsencePercent()));
            p.getSessions().forEach(s -> row.add(s.getAbsencePercent()));
            csv.row(row);
        }
        return csv.toString();
    }

    PatternPupils pupils(PatternService.PatternPupils list) {
        List<PatternPupil> lines = new ArrayList<>();
        for (PatternService.PupilPattern p : list.pupils()) {
            SessionTally t = p.tally();
            SessionTally.Counts all = t.total();
            long monFri = t.mondaysAndFridays().absent();
            long pm = t.of(Session.PM).absent();
            PupilRecord pupil = p.pupil();
            lines.add(new PatternPupil(pupil.id(), pupil.displayName(), pupil.yearGroup(), pupil.registrationGroup(),
                    all.possible(), all.absent(), t.of(DayOfWeek.MONDAY).absent(), t.of(DayOfWeek.TUESDAY).absent(),
                    t.of(DayOfWeek.WEDNESDAY).absent(), t.of(DayOfWeek.THURSDAY).absent(), t.of(DayOfWeek.FRIDAY).absent(),
                    t.of(Session.AM).absent(), pm,
                    p.patterns().stream().map(k -> uk.attendance.contract.model.AbsencePatternKind.fromValue(k.name())).toList())
                    .absencePercent(absence(all).orElse(null))
                    .mondayFridayPercent(percent(monFri, all.absent()).orElse(null))
                    .afternoonPercent(percent(pm, all.absent()).orElse(null)));
        }
        return new PatternPupils(list.period().from(), list.period().to(), list.minAbsentSessions(), lines);
    }

    String pupilsCsv(PatternPupils list) {
        CsvWriter csv = new CsvWriter().row("Pupil id", "Name", "Year group", "Registration group", "Possible sessions",
                "Absent sessions", "Absence %", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Monday and Friday %",
                "AM absent sessions", "PM absent sessions", "Afternoon %", "Patterns");
        for (PatternPupil p : list.getPupils()) {
            csv.row(p.getPupilId(), p.getName(), p.getYearGroup(), p.getRegistrationGroup(), p.getPossibleSessions(),
                    p.getAbsentSessions(), p.getAbsencePercent(), p.getMondayAbsentSessions(), p.getTuesdayAbsentSessions(),
                    p.getWednesdayAbsentSessions(), p.getThursdayAbsentSessions(), p.getFridayAbsentSessions(),
                    p.getMondayFridayPercent(), p.getAmAbsentSessions(), p.getPmAbsentSessions(), p.getAfternoonPercent(),
                    String.join(" ", p.getPatterns().stream().map(k -> k.getValue()).toList()));
        }
        return csv.toString();
    }

    LatenessList lateness(LateList list) {
        List<LatenessLine> lines = list.pupils().stream().map(l -> {
            PupilRecord pupil = l.pupil();
            return new LatenessLine(pupil.id(), pupil.displayName(), pupil.yearGroup(), pupil.registrationGroup(),
                    l.tally().total().possible(), l.tally().late(), l.tally().lateAfterClose());
        }).toList();
        return new LatenessList(list.period().from(), list.period().to(), list.schoolWeeks(), list.minSessions(), lines)
                .code(list.code().map(c -> LatenessCode.fromValue(c.symbol())).orElse(null));
    }

    String latenessCsv(LatenessList list) {
        CsvWriter csv = new CsvWriter().row("Pupil id", "Name", "Year group", "Registration group", "Possible sessions",
                "Late (L)", "Late after register closed (U)");
        for (LatenessLine l : list.getPupils()) {
            csv.row(l.getPupilId(), l.getName(), l.getYearGroup(), l.getRegistrationGroup(), l.getPossibleSessions(),
                    l.getLateSessions(), l.getLateAfterCloseSessions());
        }
        return csv.toString();
    }

    static Optional<RegisterCode> code(LatenessCode code) {
        return Optional.ofNullable(code).flatMap(c -> RegisterCode.fromSymbol(c.getValue()));
    }

    LastYearPersistentAbsence lastYear(LastYearList list) {
        List<LastYearPersistentAbsentee> lines = list.pupils().stream().map(l -> {
            PupilRecord pupil = l.pupil();
            return new LastYearPersistentAbsentee(pupil.id(), pupil.displayName(), pupil.yearGroup(), pupil.registrationGroup(),
                    l.lastYear().possible(), l.lastYear().absent(), attendance(l.lastYear()).orElseThrow(),
                    l.thisYear().possible(), l.thisYear().absent(), l.thisYear().persistentAbsence())
                    .thisYearAttendancePercent(attendance(l.thisYear()).orElse(null));
        }).toList();
        return new LastYearPersistentAbsence(list.lastYear().label(), list.thisYearFrom(), list.asOf(), lines);
    }

    String lastYearCsv(LastYearPersistentAbsence list) {
        CsvWriter csv = new CsvWriter().row("Pupil id", "Name", "Year group", "Registration group", "Last year possible sessions",
                "Last year absent sessions", "Last year attendance %", "This year possible sessions", "This year absent sessions",
                "This year attendance %", "Still persistently absent");
        for (LastYearPersistentAbsentee l : list.getPupils()) {
            csv.row(l.getPupilId(), l.getName(), l.getYearGroup(), l.getRegistrationGroup(), l.getLastYearPossibleSessions(),
                    l.getLastYearAbsentSessions(), l.getLastYearAttendancePercent(), l.getThisYearPossibleSessions(),
                    l.getThisYearAbsentSessions(), l.getThisYearAttendancePercent(), l.getStillPersistentAbsence() ? "yes" : "no");
        }
        return csv.toString();
    }

    static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.UK);
    }

    private static Optional<BigDecimal> absence(SessionTally.Counts c) {
        return percent(c.absent(), c.possible());
    }

    private static Optional<BigDecimal> attendance(SessionTally.Counts c) {
        return percent(c.attended(), c.possible());
    }

    /** 1 dp half-up (rule book convention 2); none when nothing was possible. */
    static Optional<BigDecimal> percent(long part, long whole) {
        return whole <= 0 ? Optional.empty() : Optional.of(new Ratio(part, whole).displayPercent());
    }
}
