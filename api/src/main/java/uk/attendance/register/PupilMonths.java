package uk.attendance.register;

import uk.attendance.rules.RegisterCode;

import java.time.LocalDate;

/** Reads a pupil's sessions of one month with one code: bit (day - 1) * 2 (+1 for PM) of {@code sessions}. */
@FunctionalInterface
public interface PupilMonths {
    void read(long pupilId, LocalDate month, RegisterCode code, long sessions);
}
