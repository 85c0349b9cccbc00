package uk.attendance.pupil;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A parent or carer; one contact may have children in several schools of the trust. */
@MappedEntity("contact")
public record ContactRecord(@Id @GeneratedValue Long id, long trustId, String firstName, String lastName, String mobile,
                            @Nullable String email, String preferredLanguage, LocalDateTime createdAt) {
}
