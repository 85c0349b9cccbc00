package uk.attendance.rules;

import uk.attendance.rules.calendar.Session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.attendance.rules.calendar.TestCalendars.d;

class AttendanceCalculatorTest {
    private static final LocalDate START = d("2024-09-02");
    private static final PupilFacts PUPIL = new PupilFacts(d("2015-01-01"), d("2024-09-02"), Optional.empty());

    private static AttendanceSummary summarise(String spec) {
        return AttendanceCalculator.summarise(Marks.sequential(START, spec), PUPIL, START, d("2060-12-31"));
    }

    private static Optional<BigDecimal> percent(String value) {
        return Optional.ofNullable(value).map(BigDecimal::new);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            380x.                 | 380  | 380  | 100.0 | 0.0   | false | false | 97.5–100  | 0.0   | 0.0  | 0.0
            342x. 38xO            | 380  | 342  | 90.0  | 10.0  | true  | false | 90–92.4   | 19.0  | 3.8  | 95.0
            2249x. 251xI          | 2500 | 2249 | 90.0  | 10.0  | true  | false | 90–92.4   | 125.5 | 25.1 | 627.5
            2701x. 299xG          | 3000 | 2701 | 90.0  | 10.0  | false | false | 90–92.4   | 149.5 | 29.9 | 747.5
            343x. 37xO            | 380  | 343  | 90.3  | 9.7   | false | false | 90–92.4   | 18.5  | 3.7  | 92.5
            50x. 50xN             | 100  | 50   | 50.0  | 50.0  | true  | true  | Below 85  | 25.0  | 5.0  | 125.0
            101x. 99xN            | 200  | 101  | 50.5  | 49.5  | true  | false | Below 85  | 49.5  | 9.9  | 247.5
            99x. 101xN            | 200  | 99   | 49.5  | 50.5  | true  | true  | Below 85  | 50.5  | 10.1 | 252.5
            1949x. 51xI           | 2000 | 1949 | 97.5  | 2.6   | false | false | 97.5–100  | 25.5  | 5.1  | 127.5
            3897x. 103xI          | 4000 | 3897 | 97.4  | 2.6   | false | false | 95–97.4   | 51.5  | 10.3 | 257.5
            190x. 10xI            | 200  | 190  | 95.0  | 5.0   | false | false | 95–97.4   | 5.0   | 1.0  | 25.0
            2374x. 126xI          | 2500 | 2374 | 95.0  | 5.0   | false | false | 95–97.4   | 63.0  | 12.6 | 315.0
            4747x. 253xI          | 5000 | 4747 | 94.9  | 5.1   | false | false | 92.5–94.9 | 126.5 | 25.3 | 632.5
            185x. 15xM            | 200  | 185  | 92.5  | 7.5   | false | false | 92.5–94.9 | 7.5   | 1.5  | 37.5
            1849x. 151xI          | 2000 | 1849 | 92.5  | 7.6   | false | false | 92.5–94.9 | 75.5  | 15.1 | 377.5
            2311x. 189xI          | 2500 | 2311 | 92.4  | 7.6   | false | false | 90–92.4   | 94.5  | 18.9 | 472.5
            4498x. 502xI          | 5000 | 4498 | 90.0  | 10.0  | true  | false | 90–92.4   | 251.0 | 50.2 | 1255.0
            4497x. 503xI          | 5000 | 4497 | 89.9  | 10.1  | true  | false | 85–89.9   | 251.5 | 50.3 | 1257.5
            170x. 30xG            | 200  | 170  | 85.0  | 15.0  | true  | false | 85–89.9   | 15.0  | 3.0  | 75.0
            2124x. 376xG          | 2500 | 2124 | 85.0  | 15.0  | true  | false | 85–89.9   | 188.0 | 37.6 | 940.0
            4247x. 753xG          | 5000 | 4247 | 84.9  | 15.1  | true  | false | Below 85  | 376.5 | 75.3 | 1882.5
            1x. 15xI              | 16   | 1    | 6.3   | 93.8  | true  | true  | Below 85  | 7.5   | 1.5  | 37.5
            49x. 351xI            | 400  | 49   | 12.3  | 87.8  | true  | true  | Below 85  | 175.5 | 35.1 | 877.5
            2x. 1xO               | 3    | 2    | 66.7  | 33.3  | true  | false | Below 85  | 0.5   | 0.1  | 2.5
            10xX 4x# 6xD          | 0    | 0    | -     | -     | false | false | -         | 0.0   | 0.0  | 0.0
            1xZ                   | 0    | 0    | -     | -     | false | false | -         | 0.0   | 0.0  | 0.0
            9x. 1xL 10xX          | 10   | 10   | 100.0 | 0.0   | false | false | 97.5–100  | 0.0   | 0.0  | 0.0
            8xK 1xU 1xY4          | 9    | 8    | 88.9  | 11.1  | true  | false | 85–89.9   | 0.5   | 0.1  | 2.5
            """)
    void percentagesFlagsBandsAndLostTime(String spec, int possible, int attended, String attendancePercent,
                                          String absencePercent, boolean persistent, boolean severe, String band,
                                          BigDecimal daysMissed, BigDecimal weeksMissed, BigDecimal hoursLost) {
        AttendanceSummary s = summarise(spec);
        assertEquals(possible, s.possible());
        assertEquals(attended, s.attended());
        assertEquals(possible - attended, s.absent());
        assertEquals(percent(attendancePercent), s.attendancePercent());
        assertEquals(percent(absencePercent), s.absencePercent());
        assertEquals(persistent, s.persistentAbsence());
        assertEquals(severe, s.severeAbsence());
        assertEquals(Optional.ofNullable(band), s.band().map(AttendanceBand::label));
        assertEquals(daysMissed, s.daysMissed());
        assertEquals(weeksMissed, s.weeksMissed());
        assertEquals(hoursLost, s.learningHoursLost());
    }

    @Test
    void everyCategoryIsCountedWhereTheRuleBookPutsIt() {
        AttendanceSummary s = summarise(
                "5x. 2xL 1xK 1xV 1xP 1xW 1xB 1xC 1xC1 1xC2 1xE 1xJ1 1xM 1xS 1xT 1xR 2xI "
                        + "1xD 1xX 1xQ 1xY1 1xY2 1xY3 1xY4 1xY5 1xY6 1xY7 3xG 2xN 1xO 4xU 1xZ 2x#");
        assertEquals(7, s.present());
        assertEquals(5, s.approvedActivity());
        assertEquals(12, s.attended());
        assertEquals(11, s.authorised());
        assertEquals(10, s.unauthorised());
        assertEquals(10, s.notPossible());
        assertEquals(3, s.administrative());
        assertEquals(33, s.possible());
        assertEquals(2, s.lateBeforeClose());
        assertEquals(4, s.lateAfterClose());
        assertEquals(2, s.count(RegisterCode.I));
        assertEquals(3, s.count(RegisterCode.G));
        assertEquals(2, s.count(RegisterCode.PLANNED_CLOSURE));
        assertEquals(1, s.count(RegisterCode.C));
        assertEquals(new Ratio(12, 33), s.attendance().orElseThrow());
        assertEquals(new Ratio(21, 33), s.absence().orElseThrow());
        assertEquals(new Ratio(11, 33), s.authorisedRate().orElseThrow());
        assertEquals(new Ratio(10, 33), s.unauthorisedRate().orElseThrow());
        assertEquals(Optional.of(new BigDecimal("36.4")), s.attendancePercent());
        assertEquals(Optional.of(new BigDecimal("63.6")), s.absencePercent());
        assertEquals(Optional.of(new BigDecimal("33.3")), s.authorisedPercent());
        assertEquals(Optional.of(new BigDecimal("30.3")), s.unauthorisedPercent());
        assertEquals(new BigDecimal("52.5"), s.learningHoursLost());
        assertEquals(RegisterCode.all(), List.copyOf(s.codeCounts().keySet()));
    }

    @Test
    void zeroPossibleHasNoRatesAtAll() {
        AttendanceSummary s = summarise("4xX");
        assertEquals(Optional.empty(), s.attendance());
        assertEquals(Optional.empty(), s.absence());
        assertEquals(Optional.empty(), s.authorisedPercent());
        assertEquals(Optional.empty(), s.unauthorisedPercent());
        assertEquals(Optional.empty(), s.band());
    }

    @ParameterizedTest(name = "{0} to {1}, admitted {2}, left {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2024-09-02 | 2024-12-20 | 2024-09-02 | -          | 160 | 100
            2024-09-02 | 2024-12-20 | 2024-10-01 | -          | 118 | 100
            2024-09-02 | 2024-12-20 | 2024-10-01 | 2024-11-29 | 88  | 70
            2024-10-07 | 2024-10-11 | 2024-09-02 | -          | 10  | 0
            2024-10-14 | 2024-10-18 | 2024-09-02 | -          | 10  | 10
            2024-10-14 | 2024-10-18 | 2024-10-16 | -          | 6   | 6
            2024-10-14 | 2024-10-18 | 2024-10-21 | -          | 0   | 0
            2024-10-14 | 2024-10-18 | 2024-09-02 | 2024-10-14 | 2   | 2
            2024-12-23 | 2025-01-03 | 2024-09-02 | -          | 0   | 0
            """)
    void onlySessionsOnRollAndInThePeriodCount(LocalDate from, LocalDate to, LocalDate admission, LocalDate leaving,
                                               int possible, int absent) {
        // 16 weeks of weekday sessions from 2 Sep 2024: 6 present weeks (to 11 Oct) then 10 weeks all absent (O).
        List<SessionMark> marks = Marks.sequential(START, "60x. 100xO");
        var pupil = new PupilFacts(d("2015-01-01"), admission, Optional.ofNullable(leaving));
        AttendanceSummary s = AttendanceCalculator.summarise(marks, pupil, from, to);
        assertEquals(possible, s.possible());
        assertEquals(absent, s.absent());
        assertEquals(from, s.from());
        assertEquals(to, s.to());
    }

    @Test
    void midYearAdmissionIgnoresZCodesBeforeAdmission() {
        List<SessionMark> marks = new ArrayList<>(Marks.sequential(d("2025-01-06"), "10xZ 18x. 2xI"));
        var pupil = new PupilFacts(d("2016-05-01"), d("2025-01-13"), Optional.empty());
        AttendanceSummary s = AttendanceCalculator.summarise(marks, pupil, d("2024-09-01"), d("2025-08-31"));
        assertEquals(20, s.possible());
        assertEquals(0, s.count(RegisterCode.Z));
        assertEquals(Optional.of(new BigDecimal("90.0")), s.attendancePercent());
        assertEquals(true, s.persistentAbsence());
    }

    @Test
    void twoMarksForOneSessionAreRejected() {
        List<SessionMark> marks = List.of(new SessionMark(d("2024-09-04"), Session.AM, RegisterCode.PRESENT_AM),
                new SessionMark(d("2024-09-04"), Session.AM, RegisterCode.I));
        var ex = assertThrows(IllegalArgumentException.class,
                () -> AttendanceCalculator.summarise(marks, PUPIL, START, d("2024-09-30")));
        assertEquals("More than one mark for 2024-09-04 AM", ex.getMessage());
    }

    @Test
    void periodMustNotEndBeforeItStarts() {
        assertThrows(IllegalArgumentException.class,
                () -> AttendanceCalculator.summarise(List.of(), PUPIL, d("2024-09-30"), d("2024-09-01")));
    }

    @ParameterizedTest
    @CsvSource({"AM, \\", "PM, /"})
    void presentCodeOfTheOtherSessionIsRejected(Session session, String symbol) {
        RegisterCode code = RegisterCode.fromSymbol(symbol).orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> new SessionMark(d("2024-09-04"), session, code));
    }

    @Test
    void leavingBeforeAdmissionIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new PupilFacts(d("2015-01-01"), d("2024-09-02"), Optional.of(d("2024-09-01"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1  | 8 | 1 | 12.5
            1  | 16 | 1 | 6.3
            1  | 16 | 2 | 6.25
            2  | 3 | 1 | 66.7
            1  | 3 | 3 | 33.333
            0  | 7 | 1 | 0.0
            7  | 7 | 1 | 100.0
            """)
    void ratioPercentIsHalfUp(long numerator, long denominator, int scale, BigDecimal expected) {
        assertEquals(expected, new Ratio(numerator, denominator).percent(scale));
    }

    @Test
    void ratioNeedsAPositiveDenominator() {
        assertThrows(IllegalArgumentException.class, () -> new Ratio(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Ratio(-1, 3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            100.0 | GOOD_TO_EXCELLENT
            97.5  | GOOD_TO_EXCELLENT
            97.4  | START_TO_CAUSE_CONCERN
            95.0  | START_TO_CAUSE_CONCERN
            94.9  | FURTHER_SIGNIFICANT_CONCERN
            92.5  | FURTHER_SIGNIFICANT_CONCERN
            92.4  | NOT_IMPROVING
            90.0  | NOT_IMPROVING
            89.9  | FURTHER_CONCERNS
            85.0  | FURTHER_CONCERNS
            84.9  | BELOW_85
            0.0   | BELOW_85
            """)
    void bandLowerBoundsAreInclusive(BigDecimal displayPercent, AttendanceBand band) {
        assertEquals(band, AttendanceBand.forDisplayPercent(displayPercent));
        assertFalse(band.schoolAction().isBlank());
        assertFalse(band.description().isBlank());
    }
}
