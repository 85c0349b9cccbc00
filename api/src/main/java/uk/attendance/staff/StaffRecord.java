package uk.attendance.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

@MappedEntity("staff_user")
public record StaffRecord(@Id @GeneratedValue Long id, long trustId, @Nullable Long schoolId, String email, String name,
                          String position, String roles, String passwordHash, boolean active, LocalDateTime createdAt) {
    public StaffRecord withActive(boolean nowActive) {
        return new StaffRecord(id, trustId, schoolId, email, name, position, roles, passwordHash, nowActive, createdAt);
    }

    public List<String> roleList() {
        return Arrays.stream(roles.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
