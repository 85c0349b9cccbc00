package uk.attendance.school;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

@MappedEntity("trust")
public record TrustRecord(@Id @GeneratedValue Long id, String name, LocalDateTime createdAt) {
}
