package uk.attendance.auth;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

@MappedEntity("staff_sign_in_failure")
record StaffSignInFailureRecord(@Id @GeneratedValue Long id, String email, String client, LocalDateTime failedAt) {
}
