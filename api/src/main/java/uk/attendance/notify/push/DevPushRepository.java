package uk.attendance.notify.push;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface DevPushRepository extends CrudRepository<DevPushRecord, Long> {
    List<DevPushRecord> findByDeviceIdOrderById(long deviceId);
}
