package uk.attendance.absence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AbsenceReportEventRepository extends CrudRepository<AbsenceReportEventRecord, Long> {
    List<AbsenceReportEventRecord> findByReportIdOrderById(long reportId);

    List<AbsenceReportEventRecord> findByReportIdInOrderById(Collection<Long> reportIds);
}
