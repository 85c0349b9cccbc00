package uk.attendance.patterns;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.attendance.rules.RegisterCode;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The documented rules of the pattern list and the lateness list, case by case. */
class AbsencePatternsTest {

    @ParameterizedTest(name = "absent {0} ({1} Mon/Fri) of possible {2} ({3} Mon/Fri), min {4}: {5}")
    @CsvSource({
            // absent, absent Mon+Fri, possible, possible Mon+Fri, min, flagged
            "16, 16, 100, 40, 6, true",    // every absence on a Monday or Friday
            "10,  5, 100, 40, 6, true",    // exactly half, above the 40 % of possible
            "10,  4, 100, 40, 6, false",   // under half
            " 5,  5, 100, 40, 6, false",   // too few absences
            " 6,  6, 100, 40, 6, true",    // exactly the minimum
            "10, 10,  40, 40, 6, false",   // only Monday and Friday sessions: no concentration beyond chance
            "10,  6,  60, 36, 6, false",   // 60 % of absences, 60 % of possible: not above it
            "10,  7,  60, 36, 6, true",
            " 0,  0, 100, 40, 1, false",
    })
    void mondaysAndFridays(long absent, long absentMonFri, long possible, long possibleMonFri, int min, boolean flagged) {
        assertEquals(flagged, AbsencePatterns.mondayFriday(absent, absentMonFri, possible, possibleMonFri, min));
    }

    @ParameterizedTest(name = "absent {0} ({1} PM) of possible {2} ({3} PM), min {4}: {5}")
    @CsvSource({
            "9, 6, 100, 50, 6, true",      // exactly two thirds
            "9, 5, 100, 50, 6, false",     // under two thirds
            "8, 8, 100, 50, 6, true",
            "5, 5, 100, 50, 6, false",     // too few
            "8, 8,  50, 50, 6, false",     // a pupil with afternoon sessions only
            "0, 0, 100, 50, 1, false",
    })
    void afternoons(long absent, long absentPm, long possible, long possiblePm, int min, boolean flagged) {
        assertEquals(flagged, AbsencePatterns.afternoon(absent, absentPm, possible, possiblePm, min));
    }

    @ParameterizedTest(name = "L {0}, U {1}, only {2}, min {3}: {4}")
    @CsvSource({
            "3, 0, '', 3, true",
            "2, 1, '', 3, true",   // L and U together by default
            "2, 0, '', 3, false",
            "2, 1, L,  3, false",
            "0, 3, U,  3, true",
            "5, 2, U,  3, false",
            "5, 2, L,  3, true",
    })
    void lateness(long late, long lateAfterClose, String only, int min, boolean listed) {
        Optional<RegisterCode> code = only.isEmpty() ? Optional.empty() : RegisterCode.fromSymbol(only);
        assertEquals(listed, FrequentLateness.listed(late, lateAfterClose, code, min));
    }
}
