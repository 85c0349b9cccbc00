package uk.attendance.rules.penalty;

import uk.attendance.rules.Marks;
import uk.attendance.rules.PupilFacts;
import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.SessionMark;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.rules.calendar.SchoolWeek;
import uk.attendance.rules.calendar.Session;
import uk.attendance.rules.calendar.Term;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.attendance.rules.calendar.TestCalendars.ENGLAND_2024_25;
import static uk.attendance.rules.calendar.TestCalendars.d;

class PenaltyThresholdTest {
    private static final PupilFacts PUPIL = new PupilFacts(d("2015-01-01"), d("2024-09-03"), Optional.empty());

    private static PenaltyThresholdStatus evaluate(String spec, LocalDate asOf) {
        return PenaltyThreshold.evaluate(ENGLAND_2024_25, Marks.onCalendar(ENGLAND_2024_25, spec), PUPIL, asOf);
    }

    private static String describe(Optional<ThresholdEvent> event) {
        return event.map(e -> e.date() + " " + e.session()).orElse(null);
    }

    /*
     * School weeks of the test calendar used below (Mondays):
     * autumn 2024: 09-02 09-09 09-16 09-23 09-30 10-07 10-14 10-21 [half-term] 11-04 11-11 11-18 11-25 12-02 12-09 12-16
     * spring 2025: 01-06 01-13 01-20 01-27 02-03 02-10 [half-term] 02-24 03-03 03-10 03-17 03-24 03-31 [Easter x2]
     * summer 2025: 04-21 04-28 05-05 05-12 05-19 [half-term] 06-02 ... 07-14 07-21 [summer] autumn 2025: 09-01 09-08 ...
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            10 sessions in one week                         | 2024-11-04 AM 10 G                                     | 2024-11-08 | 2024-11-08 PM | 10 | 10 | false | 1
            9 sessions: one left                            | 2024-11-04 AM 9 O                                      | 2024-11-15 | -             | 9  | 1  | false | 0
            4 holiday + 6 late after close (DfE example)    | 2024-11-04 AM 4 G; 2024-11-06 AM 1 U; 2024-11-07 AM 1 U; 2024-11-08 AM 1 U; 2024-11-11 AM 1 U; 2024-11-12 AM 1 U; 2024-11-13 AM 1 U | 2024-11-20 | 2024-11-13 AM | 10 | 10 | false | 1
            L and I never count                             | 2024-11-04 AM 10 L; 2024-11-11 AM 10 I                 | 2024-11-20 | -             | 0  | 10 | false | 0
            across half-term, 10th school week back         | 2024-09-04 AM 5 G; 2024-11-11 AM 5 O                   | 2024-11-15 | 2024-11-13 AM | 10 | 10 | false | 1
            across half-term, 11th school week back         | 2024-09-04 AM 5 G; 2024-11-18 AM 5 O                   | 2024-11-22 | -             | 5  | 5  | false | 0
            9 old + 1 in the 10th school week               | 2024-09-04 AM 9 G; 2024-11-11 AM 1 O                   | 2024-11-15 | 2024-11-11 AM | 10 | 10 | false | 1
            6 in week 1, 3 in week 2, 1 in week 11          | 2024-09-04 AM 9 G; 2024-11-18 AM 1 O                   | 2024-11-22 | -             | 4  | 6  | false | 0
            across Christmas, 10th school week back         | 2024-10-14 AM 5 G; 2025-01-06 AM 5 O                   | 2025-01-10 | 2025-01-08 AM | 10 | 10 | false | 1
            across Christmas, 11th school week back         | 2024-10-07 AM 5 G; 2025-01-06 AM 5 O                   | 2025-01-10 | -             | 5  | 5  | false | 0
            across Easter, 10th school week back            | 2025-01-27 AM 5 G; 2025-04-22 AM 5 O                   | 2025-04-25 | 2025-04-24 AM | 10 | 10 | false | 1
            across Easter, 11th school week back            | 2025-01-20 AM 5 G; 2025-04-22 AM 5 O                   | 2025-04-25 | -             | 5  | 5  | false | 0
            2 in summer + 8 in autumn (DfE example)         | 2025-07-22 AM 2 G; 2025-09-03 AM 8 O                   | 2025-09-12 | 2025-09-08 PM | 10 | 10 | false | 1
            across the summer, 11th school week back        | 2025-05-22 AM 2 G; 2025-09-03 AM 8 O                   | 2025-09-12 | -             | 8  | 2  | false | 0
            marks after asOf are ignored                    | 2024-11-04 AM 10 G                                     | 2024-11-07 | -             | 8  | 2  | false | 0
            asOf in half-term looks back 10 school weeks    | 2024-10-21 AM 10 G                                     | 2024-10-30 | 2024-10-25 PM | 10 | 10 | false | 1
            provisional while any counted session is N      | 2024-11-04 AM 9 G; 2024-11-08 PM 1 N                   | 2024-11-08 | 2024-11-08 PM | 10 | 10 | true  | 1
            """)
    void thresholdWithinTenSchoolWeeks(String scenario, String marks, LocalDate asOf, String reachedOn, int count,
                                       int sessionsLeft, boolean provisional, int events) {
        PenaltyThresholdStatus status = evaluate(marks, asOf);
        assertEquals(reachedOn, describe(status.reachedOn()));
        assertEquals(reachedOn != null, status.reached());
        assertEquals(count, status.count());
        assertEquals(count, status.countedSessions().size());
        assertEquals(sessionsLeft, status.sessionsLeft());
        assertEquals(provisional, status.provisional());
        assertEquals(events, status.events().size());
        assertEquals(asOf, status.asOf());
    }

    @Test
    void provisionalThresholdIsRecomputedWhenNIsReplacedByI() {
        List<SessionMark> marks = Marks.onCalendar(ENGLAND_2024_25, "2024-11-04 AM 9 G; 2024-11-08 PM 1 N");
        PenaltyThresholdStatus before = PenaltyThreshold.evaluate(ENGLAND_2024_25, marks, PUPIL, d("2024-11-15"));
        assertTrue(before.reached());
        assertTrue(before.provisional());
        assertTrue(before.events().get(0).provisional());

        List<SessionMark> amended = Marks.amend(marks, d("2024-11-08"), Session.PM, RegisterCode.I);
        PenaltyThresholdStatus after = PenaltyThreshold.evaluate(ENGLAND_2024_25, amended, PUPIL, d("2024-11-15"));
        assertFalse(after.reached());
        assertFalse(after.provisional());
        assertEquals(9, after.count());
        assertEquals(1, after.sessionsLeft());
        assertEquals(List.of(), after.events());

        List<SessionMark> confirmed = Marks.amend(marks, d("2024-11-08"), Session.PM, RegisterCode.O);
        PenaltyThresholdStatus asO = PenaltyThreshold.evaluate(ENGLAND_2024_25, confirmed, PUPIL, d("2024-11-15"));
        assertTrue(asO.reached());
        assertFalse(asO.provisional());
    }

    @Test
    void sessionsAreConsumedSoARetriggerNeedsTenNewOnes() {
        List<SessionMark> marks = Marks.onCalendar(ENGLAND_2024_25, "2024-11-04 AM 10 G; 2024-11-11 AM 9 O");
        PenaltyThresholdStatus status = PenaltyThreshold.evaluate(ENGLAND_2024_25, marks, PUPIL, d("2024-11-15"));
        assertEquals(1, status.events().size());
        assertEquals("2024-11-08 PM", describe(status.reachedOn()));
        assertEquals(19, status.count());
        assertEquals(1, status.sessionsLeft());
        assertEquals(10, status.countedSessions().stream().filter(CountedSession::consumed).count());

        List<SessionMark> more = new ArrayList<>(marks);
        more.add(new SessionMark(d("2024-11-18"), Session.AM, RegisterCode.O));
        PenaltyThresholdStatus again = PenaltyThreshold.evaluate(ENGLAND_2024_25, more, PUPIL, d("2024-11-18"));
        assertEquals(2, again.events().size());
        assertEquals("2024-11-18 AM", describe(again.reachedOn()));
        ThresholdEvent second = again.events().get(1);
        assertEquals(10, second.sessions().size());
        assertEquals(d("2024-11-11"), second.sessions().get(0).date());
        assertEquals(10, again.sessionsLeft());
        assertEquals(20, again.countedSessions().stream().filter(CountedSession::consumed).count());
    }

    @Test
    void eventRecordsItsTenSessionsAndWindowStart() {
        PenaltyThresholdStatus status = evaluate("2024-09-04 AM 5 G; 2024-11-11 AM 5 O", d("2024-11-15"));
        ThresholdEvent event = status.events().get(0);
        assertEquals(d("2024-09-02"), event.windowStart());
        assertEquals(10, event.sessions().size());
        assertEquals(new SessionMark(d("2024-09-04"), Session.AM, RegisterCode.G), event.sessions().get(0));
        assertEquals(new SessionMark(d("2024-11-13"), Session.AM, RegisterCode.O), event.sessions().get(9));
        assertEquals(List.of(d("2024-09-02"), d("2024-09-09"), d("2024-09-16"), d("2024-09-23"), d("2024-09-30"),
                        d("2024-10-07"), d("2024-10-14"), d("2024-10-21"), d("2024-11-04"), d("2024-11-11")),
                status.window().stream().map(SchoolWeek::monday).toList());
    }

    @Test
    void marksOnDaysWithoutAPlannedSessionAreIgnored() {
        List<SessionMark> marks = new ArrayList<>();
        for (LocalDate date = d("2024-10-28"); date.isBefore(d("2024-11-02")); date = date.plusDays(1)) {
            marks.add(new SessionMark(date, Session.AM, RegisterCode.G));
            marks.add(new SessionMark(date, Session.PM, RegisterCode.G));
        }
        PenaltyThresholdStatus status = PenaltyThreshold.evaluate(ENGLAND_2024_25, marks, PUPIL, d("2024-11-08"));
        assertEquals(0, status.count());
        assertFalse(status.reached());
    }

    @Test
    void reachedOnlyShowsWhileTheEventIsInTheCurrentWindow() {
        List<SessionMark> marks = Marks.onCalendar(ENGLAND_2024_25, "2024-09-09 AM 10 G");
        PenaltyThresholdStatus later = PenaltyThreshold.evaluate(ENGLAND_2024_25, marks, PUPIL, d("2024-11-29"));
        assertEquals(1, later.events().size(), "the event stays in the history");
        assertFalse(later.reached(), "13 Sep is outside the 10 school weeks ending with the week of 25 Nov");
        assertEquals(0, later.count());
        assertEquals(10, later.sessionsLeft());
        PenaltyThresholdStatus inside = PenaltyThreshold.evaluate(ENGLAND_2024_25, marks, PUPIL, d("2024-11-22"));
        assertTrue(inside.reached());
        assertEquals(10, inside.count());
    }

    @Test
    void onlySessionsOfCompulsorySchoolAgeCount() {
        // Born 31 Mar 2020: of compulsory school age from Monday 31 Mar 2025, in the middle of the spring term.
        var pupil = new PupilFacts(d("2020-03-31"), d("2024-09-03"), Optional.empty());
        List<SessionMark> marks = Marks.onCalendar(ENGLAND_2024_25, "2025-03-26 PM 5 G; 2025-03-31 AM 5 G");
        PenaltyThresholdStatus status = PenaltyThreshold.evaluate(ENGLAND_2024_25, marks, pupil, d("2025-04-04"));
        assertEquals(5, status.count());
        assertEquals(d("2025-03-31"), status.countedSessions().get(0).date());
        assertFalse(status.reached());

        List<SessionMark> after = Marks.onCalendar(ENGLAND_2024_25, "2025-03-31 AM 10 G");
        assertEquals("2025-04-04 PM", describe(PenaltyThreshold.evaluate(ENGLAND_2024_25, after, pupil, d("2025-04-04")).reachedOn()));
    }

    @Test
    void sessionsBeforeAdmissionDoNotCount() {
        var pupil = new PupilFacts(d("2015-01-01"), d("2024-11-06"), Optional.empty());
        List<SessionMark> marks = Marks.onCalendar(ENGLAND_2024_25, "2024-11-04 AM 10 G");
        PenaltyThresholdStatus status = PenaltyThreshold.evaluate(ENGLAND_2024_25, marks, pupil, d("2024-11-08"));
        assertEquals(6, status.count());
        assertFalse(status.reached());
    }

    @Test
    void onlyAbsencesFrom19August2024Count() {
        SchoolCalendar summerSchool = new SchoolCalendar(
                List.of(new Term("Summer school", d("2024-08-12"), d("2024-08-30"))), List.of());
        var pupil = new PupilFacts(d("2015-01-01"), d("2024-08-12"), Optional.empty());
        List<SessionMark> marks = Marks.onCalendar(summerSchool, "2024-08-15 AM 10 G");
        PenaltyThresholdStatus status = PenaltyThreshold.evaluate(summerSchool, marks, pupil, d("2024-08-23"));
        assertEquals(6, status.count());
        assertEquals(d("2024-08-19"), status.countedSessions().get(0).date());
        assertEquals(4, status.sessionsLeft());
        assertFalse(status.reached());
    }
}
