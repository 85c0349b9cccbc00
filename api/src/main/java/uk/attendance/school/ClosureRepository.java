package uk.attendance.school;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ClosureRepository extends CrudRepository<ClosureRecord, Long> {
    List<ClosureRecord> findBySchoolIdOrderByStartDate(long schoolId);

    List<ClosureRecord> findBySchoolIdAndAcademicYearOrderByStartDate(long schoolId, String academicYear);

    void deleteBySchoolIdAndAcademicYear(long schoolId, String academicYear);
}
