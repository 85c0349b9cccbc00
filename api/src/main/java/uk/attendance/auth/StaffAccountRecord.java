package uk.attendance.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The columns of {@code staff_user} that sign-in reads (sign-in never writes staff rows). */
@MappedEntity("staff_user")
record StaffAccountRecord(@Id Long id, long trustId, @Nullable Long schoolId, String email, String name,
                          String position, String roles, String passwordHash, boolean active) {
}
