package uk.attendance.register;

import io.micronaut.core.annotation.Introspected;

@Introspected
public record CodeCount(String code, long sessions) {
}
