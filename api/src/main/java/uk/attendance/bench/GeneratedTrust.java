package uk.attendance.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What one run of the generator built, the time each step took, and who can sign in. */
public record GeneratedTrust(long trustId, List<Long> schoolIds, int pupils, int contacts, int staff, long marks,
                             Map<String, Duration> steps, List<String> signIns) {

    public Duration took() {
        return steps.values().stream().reduce(Duration.ZERO, Duration::plus);
    }
}
