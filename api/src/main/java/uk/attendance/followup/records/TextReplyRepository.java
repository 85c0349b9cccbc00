package uk.attendance.followup.records;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TextReplyRepository extends CrudRepository<TextReplyRecord, Long> {

    /** The pupils of a school whose family replied to a morning text that day. */
    @Query("SELECT DISTINCT pupil_id FROM text_reply WHERE school_id = :schoolId AND school_day = :schoolDay"
            + " AND pupil_id IS NOT NULL")
    List<Long> pupilsWhoseFamilyReplied(long schoolId, LocalDate schoolDay);

    @Query("SELECT * FROM text_reply WHERE message_sid = :messageSid FOR UPDATE")
    Optional<TextReplyRecord> lockBySid(String messageSid);

    boolean existsByPupilIdAndSchoolDay(long pupilId, LocalDate schoolDay);

    List<TextReplyRecord> findByIdIn(Collection<Long> id);

    @Query("SELECT * FROM text_reply WHERE pupil_id IN (:pupilIds) AND school_day BETWEEN :from AND :to ORDER BY id")
    List<TextReplyRecord> ofPupilsBetween(Collection<Long> pupilIds, LocalDate from, LocalDate to);
}
