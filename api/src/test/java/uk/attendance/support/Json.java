package uk.attendance.support;

import io.micronaut.core.type.Argument;

import java.util.List;
import java.util.Map;

/** Response shapes for tests that read JSON as maps. */
public final class Json {
    public static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);
    public static final Argument<List<Map<String, Object>>> LIST = Argument.listOf(OBJECT);

    private Json() {
    }
}
