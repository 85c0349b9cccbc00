package uk.attendance.leave;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One school session of a leave request; {@code code} is what the register records if the pupil is absent. */
@MappedEntity("leave_request_session")
record LeaveSessionRecord(
        @Id @GeneratedValue Long id,
        long leaveRequestId,
        long pupilId,
        LocalDate sessionDate,
        Session session,
        LeaveOutcome outcome,
        @Nullable String code,
        @Nullable LocalDateTime decidedAt) {

    LeaveSessionRecord decided(LeaveOutcome outcome, String code, LocalDateTime at) {
        return new LeaveSessionRecord(id, leaveRequestId, pupilId, sessionDate, session, outcome, code, at);
    }

    LeaveSessionRecord withdrawn() {
        return new LeaveSessionRecord(id, leaveRequestId, pupilId, sessionDate, session, LeaveOutcome.WITHDRAWN, code, decidedAt);
    }
}
