package uk.attendance.pupil;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;
import java.util.function.Function;

/** One field of a merge patch: absent (keep the value), a new value, or an explicit null (clear the value). */
public record Patch<T>(boolean present, @Nullable T value) {
    private static final Patch<?> KEEP = new Patch<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Patch<T> keep() {
        return (Patch<T>) KEEP;
    }

    public static <T> Patch<T> set(T value) {
        return new Patch<>(true, value);
    }

    public static <T> Patch<T> clear() {
        return new Patch<>(true, null);
    }

    /** The patch of a field read from a body: {@code value} when given, a clear when the body said null, else keep. */
    public static <T> Patch<T> of(@Nullable T value, boolean explicitNull) {
        if (value != null) {
            return set(value);
        }
        return explicitNull ? clear() : keep();
    }

    public boolean clears() {
        return present && value == null;
    }

    public boolean sets() {
        return present && value != null;
    }

    /** The value after the patch, given the value before. */
    public T applyTo(@Nullable T before) {
        return present ? value : before;
    }

    public <R> Patch<R> map(Function<T, R> f) {
        return present ? new Patch<>(true, value == null ? null : f.apply(value)) : keep();
    }

    public Optional<T> given() {
        return Optional.ofNullable(present ? value : null);
    }
}
