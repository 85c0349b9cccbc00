package uk.attendance.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SignInCodeRepository extends CrudRepository<SignInCodeRecord, Long> {

    long countByMobileAndCreatedAtGreaterThan(String mobile, LocalDateTime since);

    long countByClientAndCreatedAtGreaterThan(String client, LocalDateTime since);

    @Query("UPDATE sign_in_code SET state = 'SUPERSEDED' WHERE mobile = :mobile AND state IN ('LIVE', 'DECOY')")
    int supersedeWaiting(String mobile);

    @Query("SELECT * FROM sign_in_code WHERE mobile = :mobile ORDER BY id DESC LIMIT 1 FOR UPDATE")
    Optional<SignInCodeRecord> lockNewest(String mobile);

    @Query("UPDATE sign_in_code SET attempts = :attempts, state = :state WHERE id = :id")
    int updateAttempts(long id, int attempts, String state);
}
