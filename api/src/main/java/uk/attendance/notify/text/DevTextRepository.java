package uk.attendance.notify.text;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface DevTextRepository extends CrudRepository<DevTextRecord, Long> {

    @Query("SELECT * FROM dev_text ORDER BY sent_at DESC, id DESC LIMIT :limit OFFSET :offset")
    List<DevTextRecord> newest(int limit, int offset);

    @Query("SELECT * FROM dev_text WHERE recipient = :recipient ORDER BY sent_at DESC, id DESC LIMIT 50")
    List<DevTextRecord> newest50To(String recipient);
}
