package uk.attendance.pupil;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PupilRepository extends CrudRepository<PupilRecord, Long> {
    @Query("SELECT * FROM pupil WHERE school_id = :schoolId ORDER BY legal_last_name, legal_first_name, id")
    List<PupilRecord> findBySchool(long schoolId);

    @Query("SELECT * FROM pupil WHERE school_id = :schoolId AND registration_group = :registrationGroup ORDER BY legal_last_name, legal_first_name, id")
    List<PupilRecord> findBySchoolAndGroup(long schoolId, String registrationGroup);

    boolean existsByUpn(String upn);

    @Query("SELECT * FROM pupil WHERE id = :id FOR UPDATE")
    java.util.Optional<PupilRecord> lock(long id);

    /** The children the contact acts for (parental responsibility, or the child lives with them): they read about them. */
    @Query("SELECT p.* FROM pupil p JOIN pupil_contact pc ON pc.pupil_id = p.id WHERE pc.contact_id = :contactId"
            + " AND (pc.parental_responsibility = TRUE OR pc.lives_with = TRUE) ORDER BY p.date_of_birth")
    List<PupilRecord> findChildrenOf(long contactId);

    /** Every child the contact is linked to, emergency contacts included (texts, and staff reviewing their texts). */
    @Query("SELECT p.* FROM pupil p JOIN pupil_contact pc ON pc.pupil_id = p.id WHERE pc.contact_id = :contactId ORDER BY p.date_of_birth")
    List<PupilRecord> findLinkedChildrenOf(long contactId);

    @Query("SELECT COUNT(*) > 0 FROM pupil_contact WHERE pupil_id = :pupilId AND contact_id = :contactId"
            + " AND (parental_responsibility = TRUE OR lives_with = TRUE)")
    boolean actsFor(long pupilId, long contactId);
}
