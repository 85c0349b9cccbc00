package uk.attendance.leave;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

@MappedEntity("leave_request_event")
record LeaveEventRecord(
        @Id @GeneratedValue Long id,
        long leaveRequestId,
        LeaveEventKind event,
        LocalDateTime happenedAt,
        String byName,
        String byPosition,
        @Nullable String note) {
}
