package uk.attendance.demo;

import uk.attendance.contract.model.PupilInput;

/** A pupil to admit, with the attendance pattern its register history will follow. */
public record DemoPupil(int key, DemoSchool school, PupilInput input, AttendanceProfile profile) {
}
