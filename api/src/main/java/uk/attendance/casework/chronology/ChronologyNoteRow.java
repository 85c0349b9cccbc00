package uk.attendance.casework.chronology;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A staff note on a pupil's chronology, kept as written; {@code createdAt} UTC. */
@MappedEntity("chronology_note")
record ChronologyNoteRow(
        @Id @GeneratedValue Long id,
        long schoolId,
        long pupilId,
        String text,
        boolean dslOnly,
        LocalDateTime createdAt,
        long createdByStaffId,
        String createdByName) {
}
