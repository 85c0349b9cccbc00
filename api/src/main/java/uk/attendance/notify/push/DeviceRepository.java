package uk.attendance.notify.push;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import uk.attendance.caller.Caller;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface DeviceRepository extends CrudRepository<DeviceRecord, Long> {
    Optional<DeviceRecord> findByTokenHash(String tokenHash);

    Optional<DeviceRecord> findByIdAndOwnerKindAndOwnerId(long id, Caller.Kind ownerKind, long ownerId);

    @Query("SELECT * FROM device WHERE owner_kind = :ownerKind AND owner_id = :ownerId ORDER BY last_seen_at DESC, id DESC")
    List<DeviceRecord> newestFirst(String ownerKind, long ownerId);

    int deleteByIdAndTokenHash(long id, String tokenHash);
}
