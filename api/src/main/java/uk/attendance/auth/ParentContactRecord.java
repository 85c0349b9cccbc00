package uk.attendance.auth;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The columns of {@code contact} that sign-in reads. */
@MappedEntity("contact")
record ParentContactRecord(@Id Long id, long trustId, String firstName, String lastName, String mobile) {
}
