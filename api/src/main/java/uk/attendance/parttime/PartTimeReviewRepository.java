package uk.attendance.parttime;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PartTimeReviewRepository extends CrudRepository<PartTimeReviewRow, Long> {

    @Query("SELECT * FROM part_time_review WHERE timetable_id IN (:timetableIds) ORDER BY reviewed_on, id")
    List<PartTimeReviewRow> ofTimetables(Collection<Long> timetableIds);
}
