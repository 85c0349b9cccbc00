package uk.attendance.leave;

import uk.attendance.rules.AttendanceCalculator;
import uk.attendance.rules.AttendanceSummary;
import uk.attendance.rules.penalty.PenaltyThreshold;
import uk.attendance.rules.penalty.PenaltyThresholdStatus;
import uk.attendance.rules.PupilFacts;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.Session;
import uk.attendance.rules.SessionMark;
import uk.attendance.rules.penalty.ThresholdEvent;
import uk.attendance.school.SchoolYear;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a leave request would do to a pupil's figures, from the rules core: attendance this year so far, attendance at
 * the end of the leave if approved or if taken anyway (as {@code G} for a holiday, {@code O} for other leave), and the
 * penalty-notice threshold with the requested sessions as that code added to the marks already recorded (both count).
 *
 * @param current      this academic year up to today; empty before the pupil's admission
 * @param ifApproved   the academic year of the leave up to its last day: recorded marks, the requested sessions with
 *                     the leave's codes, every other school session from today on attended
 * @param refusedAs    the code refused sessions get when the pupil is absent anyway (G or O)
 * @param ifRefused    the same with the requested sessions as {@code refusedAs}
 * @param applies      the penalty-notice rules apply to at least one requested session (compulsory school age)
 * @param reachedAt    the first threshold event at a requested session, if taking them as refused reaches the threshold
 * @param before       the threshold as it stands on the leave's first day, without it
 * @param after        the threshold on the leave's last day, with the requested sessions as refused
 */
record LeaveForecast(Optional<AttendanceSummary> current, AttendanceSummary ifApproved, RegisterCode refusedAs,
                     AttendanceSummary ifRefused,
                     boolean applies, Optional<ThresholdEvent> reachedAt, PenaltyThresholdStatus before,
                     PenaltyThresholdStatus after) {

    /**
     * @param marks     the pupil's recorded marks, reaching back far enough for the threshold (a year before the
     *                  academic year of today is plenty) and up to the leave's last day
     * @param requested the requested sessions in order, with the code each would get if approved
     */
    static LeaveForecast of(SchoolCalendar calendar, PupilFacts pupil, List<SessionMark> marks, List<SessionMark> requested,
                            LocalDate today, RegisterCode refusedAs) {
        if (requested.isEmpty()) {
            throw new IllegalArgumentException("No sessions requested");
        }
        LocalDate first = requested.get(0).date();
        LocalDate last = requested.get(requested.size() - 1).date();
        Map<String, SessionMark> recorded = new HashMap<>();
        marks.forEach(m -> recorded.put(key(m.date(), m.session()), m));
        Map<String, SessionMark> asked = new HashMap<>();
        requested.forEach(m -> asked.put(key(m.date(), m.session()), m));

        Optional<AttendanceSummary> current = Optional.empty();
        LocalDate yearNow = latest(SchoolYear.containing(today).firstDay(), pupil.admissionDate());
        if (!today.isBefore(yearNow)) {
            current = Optional.of(AttendanceCalculator.summarise(marks, pupil, yearNow, today));
        }
        LocalDate yearOfLeave = latest(SchoolYear.containing(last).firstDay(), pupil.admissionDate());
        Function<Function<SessionMark, RegisterCode>, AttendanceSummary> projected = codeOf -> AttendanceCalculator.summarise(
                projection(calendar, pupil, recorded, asked, codeOf, latest(today, yearOfLeave), last), pupil, yearOfLeave, last);
        AttendanceSummary ifApproved = projected.apply(SessionMark::code);
        AttendanceSummary ifRefused = projected.apply(m -> refusedAs);

        List<SessionMark> withRefused = new ArrayList<>();
        recorded.forEach((k, m) -> {
            if (!asked.containsKey(k)) {
                withRefused.add(m);
            }
        });
        requested.forEach(m -> withRefused.add(new SessionMark(m.date(), m.session(), refusedAs)));
        List<SessionMark> without = recorded.values().stream().filter(m -> !asked.containsKey(key(m.date(), m.session()))).toList();
        PenaltyThresholdStatus before = PenaltyThreshold.evaluate(calendar, without, pupil, first);
        PenaltyThresholdStatus after = PenaltyThreshold.evaluate(calendar, withRefused, pupil, last);
        Optional<ThresholdEvent> reachedAt = after.events().stream()
                .filter(e -> asked.containsKey(key(e.date(), e.session())))
                .findFirst();
        boolean applies = requested.stream().anyMatch(m -> !m.date().isBefore(PenaltyThreshold.FRAMEWORK_START)
                && pupil.onRollAndOfCompulsorySchoolAge(m.date()));
        return new LeaveForecast(current, ifApproved, refusedAs, ifRefused, applies, reachedAt, before, after);
    }

    /** Recorded marks, the requested sessions with their code, and every other school session from {@code fillFrom} on as present. */
    private static List<SessionMark> projection(SchoolCalendar calendar, PupilFacts pupil, Map<String, SessionMark> recorded,
                                                Map<String, SessionMark> asked, Function<SessionMark, RegisterCode> codeOf,
                                                LocalDate fillFrom, LocalDate last) {
        List<SessionMark> marks = new ArrayList<>();
        recorded.forEach((k, m) -> {
            if (!asked.containsKey(k)) {
                marks.add(m);
            }
        });
        asked.values().forEach(m -> marks.add(new SessionMark(m.date(), m.session(), codeOf.apply(m))));
        for (LocalDate d = fillFrom; !d.isAfter(last); d = d.plusDays(1)) {
            for (Session s : Session.values()) {
                String k = key(d, s);
                if (calendar.isSession(d, s) && pupil.onRoll(d) && !recorded.containsKey(k) && !asked.containsKey(k)) {
                    marks.add(new SessionMark(d, s, s == Session.AM ? RegisterCode.PRESENT_AM : RegisterCode.PRESENT_PM));
                }
            }
        }
        return marks;
    }

    private static String key(LocalDate date, Session session) {
        return date + session.name();
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
