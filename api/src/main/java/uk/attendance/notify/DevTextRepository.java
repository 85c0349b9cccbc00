package uk.attendance.notify;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface DevTextRepository extends CrudRepository<DevTextRecord, Long> {

    // GET /dev/texts shows a trust admin only the texts to parents/carers of their own trust
    @Query("SELECT * FROM dev_text WHERE recipient IN (SELECT mobile FROM contact WHERE trust_id = :trustId)"
            + " ORDER BY sent_at DESC, id DESC LIMIT 50")
    List<DevTextRecord> newest50InTrust(long trustId);

    @Query("SELECT * FROM dev_text WHERE recipient = :recipient"
            + " AND EXISTS (SELECT 1 FROM contact WHERE trust_id = :trustId AND mobile = :recipient)"
            + " ORDER BY sent_at DESC, id DESC LIMIT 50")
    List<DevTextRecord> newest50ToInTrust(String recipient, long trustId);

    @Query("SELECT * FROM dev_text WHERE recipient = :recipient ORDER BY sent_at DESC, id DESC LIMIT 50")
    List<DevTextRecord> newest50To(String recipient);
}
