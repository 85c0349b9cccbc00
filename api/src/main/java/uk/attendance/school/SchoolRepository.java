package uk.attendance.school;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SchoolRepository extends CrudRepository<SchoolRecord, Long> {
    List<SchoolRecord> findByTrustIdOrderByName(long trustId);

    boolean existsByUrn(int urn);

    Optional<SchoolRecord> findByUrn(int urn);

    @Query("UPDATE school SET text_time = :textTime, call_time = :callTime WHERE id = :id")
    void updateFollowUpTimes(long id, LocalTime textTime, LocalTime callTime);

    @Query("UPDATE school SET la_code = :laCode, la_name = :laName WHERE id = :id")
    void updateLocalAuthority(long id, String laCode, String laName);
}
