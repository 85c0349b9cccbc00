package uk.attendance.leave;

import uk.attendance.contract.model.LeaveType;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.rules.calendar.SchoolCalendar;
import uk.attendance.school.SchoolRecord;

import java.time.LocalDate;
import java.util.List;

/** A checked request for leave, not stored yet: the child, the period and the school sessions it covers. */
record LeaveDraft(PupilRecord pupil, SchoolRecord school, SchoolCalendar calendar, LeaveType type, LeavePeriod period,
                  List<LeaveSlot> sessions, List<LeavePeriod.Skipped> skipped, LocalDate today) {

    long schoolDays() {
        return sessions.stream().map(LeaveSlot::date).distinct().count();
    }
}
