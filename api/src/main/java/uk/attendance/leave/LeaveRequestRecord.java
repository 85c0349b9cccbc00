package uk.attendance.leave;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import uk.attendance.contract.model.LeaveStatus;
import uk.attendance.contract.model.LeaveType;
import uk.attendance.rules.calendar.Session;

import java.time.LocalDate;
import java.time.LocalDateTime;

@MappedEntity("leave_request")
record LeaveRequestRecord(
        @Id @GeneratedValue Long id,
        long pupilId,
        long schoolId,
        long requestedByContactId,
        String requestedByName,
        LeaveType leaveType,
        LocalDate firstDay,
        Session firstSession,
        LocalDate lastDay,
        Session lastSession,
        String reason,
        LeaveStatus status,
        LocalDateTime requestedAt,
        @Nullable LocalDateTime decidedAt,
        @Nullable Long decidedByStaffId,
        @Nullable String decidedByName,
        @Nullable String decidedByPosition,
        @Nullable String decisionReason) {
}
