package uk.attendance.rules;

import uk.attendance.rules.calendar.Session;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Counting done by the database gives exactly the figures of counting the marks. */
class SummariseCountsTest {
    private static final PupilFacts PUPIL = new PupilFacts(LocalDate.of(2015, 1, 10), LocalDate.of(2020, 9, 1), Optional.empty());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "all present        | /\\/\\/\\/\\/\\",
            "exactly 90 %       | /\\/\\/\\/\\/\\/\\/\\/\\/\\GO",
            "severe             | /IUGNOML\\X#",
            "nothing possible   | XXDDZ#YY"})
    void countsAndMarksAgree(String name, String sequence) {
        List<SessionMark> marks = new ArrayList<>();
        Map<RegisterCode, Integer> counts = new EnumMap<>(RegisterCode.class);
        LocalDate day = LocalDate.of(2025, 9, 1);
        for (int i = 0; i < sequence.length(); i++) {
            Session session = i % 2 == 0 ? Session.AM : Session.PM;
            String symbol = String.valueOf(sequence.charAt(i));
            RegisterCode code = symbol.equals("Y") ? RegisterCode.Y1
                    : symbol.equals("/") || symbol.equals("\\") ? RegisterCode.presentFor(session)
                    : RegisterCode.fromSymbol(symbol).orElseThrow();
            marks.add(new SessionMark(day.plusDays(i / 2), session, code));
            counts.merge(code, 1, Integer::sum);
        }
        LocalDate to = day.plusDays(sequence.length());
        assertEquals(AttendanceCalculator.summarise(marks, PUPIL, day, to), AttendanceCalculator.summariseCounts(counts, day, to));
    }

    @org.junit.jupiter.api.Test
    void aNegativeCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AttendanceCalculator.summariseCounts(
                Map.of(RegisterCode.G, -1), LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 2)));
    }
}
