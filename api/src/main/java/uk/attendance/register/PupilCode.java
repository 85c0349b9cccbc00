package uk.attendance.register;

import io.micronaut.core.annotation.Introspected;

/** A pupil's code in one session. */
@Introspected
public record PupilCode(long pupilId, String code) {
}
