package uk.attendance.casework.documents;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** "Significantly improved": up 5.0 points or more on the 1-dp figures, or out of persistent absence. */
class HalfTermReportTest {

    @ParameterizedTest(name = "{0} % then {2} % ({1}, {3}) -> {4}")
    @CsvSource({
            "80.0, true,  85.0, true,  true",   // exactly 5.0 points up
            "80.0, true,  84.9, true,  false",  // 4.9 points up, still persistent
            "89.9, true,  90.0, false, true",   // out of persistent absence by 0.1
            "95.0, false, 99.9, false, false",
            "90.0, false, 95.0, false, true",
            "70.0, true,  60.0, true,  false",  // worse
    })
    void significantlyImproved(String before, boolean persistentBefore, String now, boolean persistentNow, boolean improved) {
        assertEquals(improved, report(figures(before, persistentBefore), figures(now, persistentNow)).significantlyImproved());
    }

    @ParameterizedTest(name = "no previous half-term, or no sessions in one -> no note")
    @CsvSource({"true", "false"})
    void noComparisonNoNote(boolean previousMissing) {
        DocumentFigures now = figures("99.0", false);
        DocumentFigures before = previousMissing ? null : figures(null, false);
        assertEquals(false, report(before, now).significantlyImproved());
    }

    private static HalfTermReport report(DocumentFigures previous, DocumentFigures current) {
        HalfTerm autumn1 = new HalfTerm("Autumn 1", LocalDate.parse("2025-09-03"), LocalDate.parse("2025-10-24"));
        HalfTerm autumn2 = new HalfTerm("Autumn 2", LocalDate.parse("2025-11-03"), LocalDate.parse("2025-12-19"));
        return new HalfTermReport("en", "School", "Amy Test", "Amy", "4B", LocalDate.parse("2025-12-20"), autumn2, current,
                previous == null ? null : autumn1, previous, current);
    }

    private static DocumentFigures figures(String percent, boolean persistent) {
        return new DocumentFigures(LocalDate.parse("2025-09-03"), LocalDate.parse("2025-10-24"),
                percent == null ? null : new BigDecimal(percent), percent == null ? 0 : 76, 0, BigDecimal.ZERO, BigDecimal.ZERO,
                persistent, false, null, new DocumentFigures.Penalty(LocalDate.parse("2025-10-24"), true,
                DocumentFigures.Level.NONE, 0, 10, false, "No sessions"));
    }
}
