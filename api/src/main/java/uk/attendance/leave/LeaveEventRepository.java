package uk.attendance.leave;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface LeaveEventRepository extends CrudRepository<LeaveEventRecord, Long> {

    @Query("SELECT * FROM leave_request_event WHERE leave_request_id IN (:requestIds) ORDER BY leave_request_id, id")
    List<LeaveEventRecord> ofRequests(Collection<Long> requestIds);
}
