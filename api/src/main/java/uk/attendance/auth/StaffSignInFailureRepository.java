package uk.attendance.auth;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface StaffSignInFailureRepository extends CrudRepository<StaffSignInFailureRecord, Long> {

    /** When this account's password was last got wrong from this client, newest first. */
    @Query("SELECT failed_at FROM staff_sign_in_failure WHERE email = :email AND client = :client AND failed_at > :since"
            + " ORDER BY failed_at DESC LIMIT :limit")
    List<LocalDateTime> failuresOfPair(String email, String client, LocalDateTime since, int limit);

    /** The time of the client's {@code (skip + 1)}-th newest failure since then, on any account. */
    @Query("SELECT failed_at FROM staff_sign_in_failure WHERE client = :client AND failed_at > :since"
            + " ORDER BY failed_at DESC LIMIT 1 OFFSET :skip")
    Optional<LocalDateTime> failureOfClient(String client, LocalDateTime since, int skip);
}
