package uk.attendance.platform;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvWriterTest {
    @Test
    void quotesWhatNeedsQuotingAndEndsRowsWithCrLf() {
        String csv = new CsvWriter().row("name", "note").row("O'Brien, Sam", "said \"ill\"\nthen left").toString();
        assertEquals("name,note\r\n\"O'Brien, Sam\",\"said \"\"ill\"\"\nthen left\"\r\n", csv);
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\",'+44,'-1,'@SUM(A1)\r\n",
                new CsvWriter().row("=HYPERLINK(\"x\")", "+44", "-1", "@SUM(A1)").toString());
    }

    @Test
    void numbersAndEmptyCellsAreWrittenAsThemselves() {
        assertEquals("-2.5,,94.10,7\r\n", new CsvWriter().row(-2.5, null, new BigDecimal("94.10"), 7).toString());
    }
}
