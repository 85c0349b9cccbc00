package uk.attendance.rules.followup;

import uk.attendance.rules.RegisterCode;
import uk.attendance.rules.SessionMark;
import uk.attendance.rules.calendar.Session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static uk.attendance.rules.calendar.TestCalendars.ENGLAND_2024_25;
import static uk.attendance.rules.calendar.TestCalendars.d;

class HoldingCodeDeadlineTest {

    @ParameterizedTest(name = "N on {0} -> D5 {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            2024-11-04 | 2024-11-11
            2024-11-08 | 2024-11-15
            2024-11-11 | 2024-11-18
            2024-10-23 | 2024-11-06
            2024-10-25 | 2024-11-08
            2024-12-16 | 2025-01-06
            2024-12-20 | 2025-01-10
            2025-01-06 | 2025-01-13
            2025-02-27 | 2025-03-06
            2025-04-30 | 2025-05-08
            2025-07-15 | 2025-09-03
            2025-12-15 | -
            """)
    void deadlineIsTheFifthSchoolDayAfterTheSession(LocalDate sessionDate, LocalDate d5) {
        assertEquals(Optional.ofNullable(d5), HoldingCodeDeadline.deadline(ENGLAND_2024_25, sessionDate));
    }

    @ParameterizedTest(name = "{0} {1} {2} on {3}: overdue={4}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-11-04 | AM | N | 2024-11-11 | false
            2024-11-04 | PM | N | 2024-11-11 | false
            2024-11-04 | AM | N | 2024-11-12 | true
            2024-11-04 | PM | N | 2024-11-12 | true
            2024-10-23 | AM | N | 2024-11-01 | false
            2024-10-23 | AM | N | 2024-11-06 | false
            2024-10-23 | AM | N | 2024-11-07 | true
            2024-11-04 | AM | O | 2024-11-12 | false
            2024-11-04 | AM | I | 2024-12-12 | false
            2025-12-15 | AM | N | 2026-06-01 | false
            """)
    void overdueOnlyAfterD5Ends(LocalDate date, Session session, String code, LocalDate today, boolean overdue) {
        SessionMark mark = new SessionMark(date, session, RegisterCode.fromSymbol(code).orElseThrow());
        assertEquals(overdue, HoldingCodeDeadline.isOverdue(ENGLAND_2024_25, mark, today));
    }

    @Test
    void dueForConversionListsOverdueNMarksOldestFirst() {
        List<SessionMark> marks = List.of(
                new SessionMark(d("2024-11-05"), Session.PM, RegisterCode.N),
                new SessionMark(d("2024-11-04"), Session.AM, RegisterCode.N),
                new SessionMark(d("2024-11-04"), Session.PM, RegisterCode.O),
                new SessionMark(d("2024-11-06"), Session.AM, RegisterCode.N),
                new SessionMark(d("2024-11-05"), Session.AM, RegisterCode.I));
        assertEquals(List.of(new SessionMark(d("2024-11-04"), Session.AM, RegisterCode.N),
                        new SessionMark(d("2024-11-05"), Session.PM, RegisterCode.N)),
                HoldingCodeDeadline.dueForConversion(ENGLAND_2024_25, marks, d("2024-11-13")));
        assertFalse(HoldingCodeDeadline.dueForConversion(ENGLAND_2024_25, marks, d("2024-11-14")).isEmpty());
        assertEquals(3, HoldingCodeDeadline.dueForConversion(ENGLAND_2024_25, marks, d("2024-11-14")).size());
    }
}
