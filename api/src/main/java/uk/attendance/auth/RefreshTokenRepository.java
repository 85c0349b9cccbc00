package uk.attendance.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RefreshTokenRepository extends CrudRepository<RefreshTokenRecord, Long> {

    Optional<RefreshTokenRecord> findByTokenHash(String tokenHash);

    /** 1 when this call revoked a live token; 0 when it was unknown, expired or already revoked. */
    @Query("UPDATE refresh_token SET revoked_at = :now WHERE token_hash = :tokenHash AND revoked_at IS NULL AND expires_at > :now")
    int revokeIfLive(String tokenHash, LocalDateTime now);
}
