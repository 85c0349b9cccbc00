package uk.attendance.demo;

import java.time.Duration;
import java.util.Map;

/** What one run of the demo loader did, with the time each step took. */
public record DemoLoad(boolean loaded, int schools, int pupils, int contacts, int staff, int marks,
                       Map<String, Duration> steps) {

    static DemoLoad alreadyThere() {
        return new DemoLoad(false, 0, 0, 0, 0, 0, Map.of());
    }

    public Duration took() {
        return steps.values().stream().reduce(Duration.ZERO, Duration::plus);
    }
}
