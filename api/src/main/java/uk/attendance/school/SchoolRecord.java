package uk.attendance.school;

import io.micronaut.core.annotation.Nullable;
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
        @Nullable String laCode,
        @Nullable String laName,
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

    /** The local authority the school makes its returns to, when set (code and name). */
    public java.util.Optional<LocalAuthority> localAuthority() {
        return laCode == null ? java.util.Optional.empty() : java.util.Optional.of(new LocalAuthority(laCode, laName));
    }

    public record LocalAuthority(String code, String name) {
    }
}
