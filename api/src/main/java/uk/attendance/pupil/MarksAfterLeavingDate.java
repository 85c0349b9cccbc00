package uk.attendance.pupil;

import java.time.LocalDate;
import java.util.List;

/** A leaving date refused: the register holds the pupil's marks after it (nothing is stored). */
public class MarksAfterLeavingDate extends RuntimeException {
    private final long pupilId;
    private final LocalDate leavingDate;
    private final List<MarksAfterLeaving.MarkedDate> dates;

    MarksAfterLeavingDate(long pupilId, LocalDate leavingDate, List<MarksAfterLeaving.MarkedDate> dates) {
        super(dates.size() + " dates hold marks after the leaving date", null, false, false);
        this.pupilId = pupilId;
        this.leavingDate = leavingDate;
        this.dates = List.copyOf(dates);
    }

    public long pupilId() {
        return pupilId;
    }

    public LocalDate leavingDate() {
        return leavingDate;
    }

    public List<MarksAfterLeaving.MarkedDate> dates() {
        return dates;
    }
}
