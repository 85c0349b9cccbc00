package uk.attendance.bench;

import org.junit.jupiter.api.Test;
import uk.attendance.contract.model.MarkImportRow;
import uk.attendance.contract.model.Session;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolYear;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code generate-data --unmarked-today K --staff-devices}: this morning's register taken for all but K pupils. */
class UnmarkedMorningTest {
    private static final LocalDate TODAY = LocalDate.parse("2025-12-03");
    private static final LocalDate YESTERDAY = TODAY.minusDays(1);

    @Test
    void everyPupilOnRollButKIsPresentThisMorningAndEarlierDaysAreKept() {
        List<PupilRecord> roll = new ArrayList<>();
        for (long id = 1; id <= 60; id++) {
            roll.add(pupil(id, LocalDate.parse("2025-09-03"), null));
        }
        roll.add(pupil(61, LocalDate.parse("2025-12-04"), null)); // admitted tomorrow
        roll.add(pupil(62, LocalDate.parse("2025-09-03"), LocalDate.parse("2025-11-28"))); // left last week
        List<MarkImportRow> mix = List.of(
                new MarkImportRow(1L, YESTERDAY, Session.AM, "I"),
                new MarkImportRow(1L, TODAY, Session.AM, "O"),
                new MarkImportRow(2L, TODAY, Session.AM, "L").arrivalTime("08:50"));

        UnmarkedMorning morning = new UnmarkedMorning(TODAY, 20, 7L);
        List<MarkImportRow> rows = morning.apply(mix, roll);

        Set<Long> left = morning.leftUnmarked(roll);
        assertEquals(20, left.size());
        assertTrue(left.stream().allMatch(id -> id <= 60), "only pupils on roll today: " + left);
        List<MarkImportRow> today = rows.stream().filter(r -> r.getDate().equals(TODAY)).toList();
        assertEquals(40, today.size());
        assertTrue(today.stream().allMatch(r -> r.getSession() == Session.AM && r.getCode().equals("/")));
        assertTrue(today.stream().noneMatch(r -> left.contains(r.getPupilId())));
        assertTrue(rows.contains(mix.get(0)), "yesterday's mark is kept");
        assertEquals(left, new UnmarkedMorning(TODAY, 20, 7L).leftUnmarked(roll), "the same seed leaves the same pupils");
        assertFalse(left.equals(new UnmarkedMorning(TODAY, 20, 8L).leftUnmarked(roll)));
    }

    @Test
    void moreThanTheRollLeavesTheWholeMorningUnmarked() {
        List<PupilRecord> roll = List.of(pupil(1, LocalDate.parse("2025-09-03"), null), pupil(2, LocalDate.parse("2025-09-03"), null));
        UnmarkedMorning morning = new UnmarkedMorning(TODAY, 500, 1L);
        assertEquals(Set.of(1L, 2L), morning.leftUnmarked(roll));
        assertTrue(morning.apply(List.of(), roll).isEmpty());
    }

    @Test
    void theOptionsAreParsed() {
        SchoolYear year = new SchoolYear(2025);
        GenerateDataOptions plain = GenerateDataOptions.parse(List.of("--schools", "2"), year);
        assertEquals(-1, plain.unmarkedToday());
        assertFalse(plain.staffDevices());
        GenerateDataOptions morning = GenerateDataOptions.parse(
                List.of("--schools", "1", "--pupils", "60", "--unmarked-today", "20", "--staff-devices", "--seed", "3"), year);
        assertEquals(20, morning.unmarkedToday());
        assertTrue(morning.staffDevices());
        assertEquals(3L, morning.seed());
        assertThrows(IllegalArgumentException.class, () -> GenerateDataOptions.parse(List.of("--unmarked-today", "-1"), year));
        assertThrows(IllegalArgumentException.class, () -> GenerateDataOptions.parse(List.of("--unmarked-today"), year));
    }

    private static PupilRecord pupil(long id, LocalDate admitted, LocalDate left) {
        return new PupilRecord(id, 1L, null, "First" + id, "Last", null, null, LocalDate.parse("2016-01-01"), null, 4, "4A",
                admitted, left, null, false, false, "NONE", false, false, false, null, null, null, null);
    }
}
