package uk.attendance.leave;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface LeaveRequestRepository extends CrudRepository<LeaveRequestRecord, Long> {

    @Query("SELECT * FROM leave_request WHERE pupil_id IN (:pupilIds) ORDER BY id DESC")
    List<LeaveRequestRecord> newestFirst(Collection<Long> pupilIds);

    @Query("""
            SELECT * FROM leave_request WHERE school_id = :schoolId
              AND (:status IS NULL OR status = :status)
              AND (:pupilId IS NULL OR pupil_id = :pupilId)
              AND (:leaveType IS NULL OR leave_type = :leaveType)
              AND (:fromDay IS NULL OR last_day >= :fromDay)
              AND (:toDay IS NULL OR first_day <= :toDay)
            ORDER BY first_day, requested_at, id""")
    List<LeaveRequestRecord> ofSchool(long schoolId, @Nullable String status, @Nullable Long pupilId,
                                      @Nullable String leaveType, @Nullable LocalDate fromDay, @Nullable LocalDate toDay);

    /** @return 1 when the request was still pending and is now decided; 0 when someone got there first */
    @Query("""
            UPDATE leave_request SET status = :status, decided_at = :decidedAt, decided_by_staff_id = :staffId,
              decided_by_name = :byName, decided_by_position = :byPosition, decision_reason = :reason
            WHERE id = :id AND status = 'PENDING'""")
    int decide(long id, String status, LocalDateTime decidedAt, @Nullable Long staffId, String byName, String byPosition,
               @Nullable String reason);

    /** @return 1 when the request still had the status the check saw */
    @Query("UPDATE leave_request SET status = 'WITHDRAWN' WHERE id = :id AND status = :expected")
    int withdraw(long id, String expected);
}
