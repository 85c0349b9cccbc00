package uk.attendance.absence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AbsenceReportRepository extends CrudRepository<AbsenceReportRecord, Long> {

    List<AbsenceReportRecord> findByPupilIdOrderByIdDesc(long pupilId);

    /** The report, locked until the transaction ends: changes to one report are made one at a time. */
    @Query("SELECT * FROM absence_report WHERE id = :id FOR UPDATE")
    Optional<AbsenceReportRecord> findByIdForUpdate(long id);

    @Query("SELECT r.* FROM absence_report r JOIN pupil_contact pc ON pc.pupil_id = r.pupil_id"
            + " WHERE pc.contact_id = :parentId AND (pc.parental_responsibility = TRUE OR pc.lives_with = TRUE) ORDER BY r.created_at DESC, r.id DESC LIMIT 100")
    List<AbsenceReportRecord> newestForFamilyOf(long parentId);

    @Query("SELECT * FROM absence_report WHERE school_id = :schoolId AND reason = 'ILLNESS' AND status = 'ACCEPTED'"
            + " AND (decided_code IS NULL OR decided_code = 'I') AND last_day >= :from")
    List<AbsenceReportRecord> acceptedIllnessOfSchool(long schoolId, LocalDate from);

    @Query("SELECT * FROM absence_report WHERE school_id = :schoolId AND status IN (:statuses)"
            + " AND last_day >= :from AND first_day <= :to ORDER BY first_day, created_at, id LIMIT 200")
    List<AbsenceReportRecord> ofSchool(long schoolId, Collection<String> statuses, LocalDate from, LocalDate to);
}
