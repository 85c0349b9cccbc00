package uk.attendance.pupil;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A home address of a pupil; the newest row is the current one, older rows are the history. */
@MappedEntity("pupil_address")
public record PupilAddressRecord(
        @Id @GeneratedValue Long id,
        long pupilId,
        String line1,
        @Nullable String line2,
        String town,
        String postcode,
        LocalDateTime recordedAt,
        @Nullable Long recordedByStaffId) {
}
