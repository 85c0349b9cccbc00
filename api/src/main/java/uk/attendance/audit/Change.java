package uk.attendance.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Objects;

/** One field's value before and after a change, as text (null: no value). */
@Serdeable
public record Change(String field, @Nullable String before, @Nullable String after) {

    public static Change of(String field, @Nullable Object before, @Nullable Object after) {
        return new Change(field, before == null ? null : String.valueOf(before), after == null ? null : String.valueOf(after));
    }

    public boolean changed() {
        return !Objects.equals(before, after);
    }
}
