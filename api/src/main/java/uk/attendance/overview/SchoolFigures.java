package uk.attendance.overview;

import jakarta.inject.Singleton;
import uk.attendance.register.RegisterService;
import uk.attendance.rules.RegisterCode;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A school's attended and possible sessions over a range, for comparison beside a pupil's figure, each pupil counted
 * on their own sessions as their figure is. Counting a whole school's year reads a dozen {@code mark_month} rows per
 * pupil, so a figure is kept for five minutes.
 */
@Singleton
class SchoolFigures {
    private static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final int MAX_ENTRIES = 10_000;
    private final RegisterService register;
    private final Map<Key, Figure> cache = new ConcurrentHashMap<>();
    private final Map<Long, Object> locks = new ConcurrentHashMap<>();

    SchoolFigures(RegisterService register) {
        this.register = register;
    }

    record Figure(long attended, long possible, long computedAt) {
    }

    private record Key(long schoolId, LocalDate from, LocalDate to) {
    }

    Figure of(long schoolId, LocalDate from, LocalDate to) {
        long now = System.nanoTime();
        Key key = new Key(schoolId, from, to);
        Figure cached = cache.get(key);
        if (cached != null && now - cached.computedAt() < KEEP_NANOS) {
            return cached;
        }
        // One count per key at a time: concurrent requests for the same school wait for it rather than repeat it.
        synchronized (lockFor(key)) {
            Figure again = cache.get(key);
            if (again != null && System.nanoTime() - again.computedAt() < KEEP_NANOS) {
                return again;
            }
            return compute(key, System.nanoTime());
        }
    }

    /** Drops the school's figures (a pupil's leaving date changed what counts; see FiguresOfChangedPupils). */
    void forget(long schoolId) {
        cache.keySet().removeIf(k -> k.schoolId() == schoolId);
    }

    private Object lockFor(Key key) {
        return locks.computeIfAbsent(key.schoolId(), id -> new Object());
    }

    private Figure compute(Key key, long now) {
        long schoolId = key.schoolId();
        LocalDate from = key.from();
        LocalDate to = key.to();
        long attended = 0;
        long possible = 0;
        for (Map.Entry<RegisterCode, Long> e : register.codeCountsOfSchool(schoolId, from, to).entrySet()) {
            if (e.getKey().category().possible()) {
                possible += e.getValue();
            }
            if (e.getKey().category().attended()) {
                attended += e.getValue();
            }
        }
        if (cache.size() > MAX_ENTRIES) {
            cache.clear();
        }
        Figure figure = new Figure(attended, possible, now);
        cache.put(key, figure);
        return figure;
    }
}
