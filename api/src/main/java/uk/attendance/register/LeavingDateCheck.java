package uk.attendance.register;

import jakarta.inject.Singleton;
import uk.attendance.pupil.MarksAfterLeaving;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The register's answer before a pupil's leaving date is set: the pupil's marks after it, which it never deletes. */
@Singleton
class LeavingDateCheck implements MarksAfterLeaving {
    private static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);
    private final MarkRepository marks;

    LeavingDateCheck(MarkRepository marks) {
        this.marks = marks;
    }

    @Override
    public List<MarkedDate> after(long pupilId, LocalDate date) {
        Map<LocalDate, List<String>> byDate = new TreeMap<>();
        for (MarkRecord mark : marks.findForPupil(pupilId, date.plusDays(1), END_OF_TIME)) {
            byDate.computeIfAbsent(mark.sessionDate(), d -> new java.util.ArrayList<>()).add(mark.session().name());
        }
        return byDate.entrySet().stream().map(e -> new MarkedDate(e.getKey(), e.getValue())).toList();
    }
}
