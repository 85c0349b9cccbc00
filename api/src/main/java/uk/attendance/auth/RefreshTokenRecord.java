package uk.attendance.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** Only the SHA-256 of a refresh token is stored. Times are UTC. */
@MappedEntity("refresh_token")
record RefreshTokenRecord(@Id @GeneratedValue Long id, String tokenHash, String subject, LocalDateTime issuedAt,
                          LocalDateTime expiresAt, @Nullable LocalDateTime revokedAt) {
}
