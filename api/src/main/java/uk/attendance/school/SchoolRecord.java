package uk.attendance.school;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

@MappedEntity("school")
public record SchoolRecord(
        @Id @GeneratedValue Long id,
        long trustId,
        int urn,
        String name,
        String timezone,
        LocalTime amRegisterOpens,
        LocalTime pmRegisterOpens,
        int registerOpenMinutes,
        LocalTime amSessionEnds,
        LocalTime pmSessionEnds,
        LocalTime textTime,
        LocalTime callTime,
        LocalDateTime createdAt) {

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }
}
