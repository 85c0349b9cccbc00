package uk.attendance.pupil;

import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields a merge-patch body sets to {@code null} explicitly (clear the value), which the contract's models cannot
 * tell from absent fields (keep the value): {@link ExplicitNullsReader} notes them for the body it read and the
 * controller takes them. Bounded, so bodies read for requests that never reached the controller are forgotten.
 */
@Singleton
class ExplicitNulls {
    private static final int KEPT = 1_000;
    private final Map<Identity, Set<String>> byBody = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Identity, Set<String>> eldest) {
            return size() > KEPT;
        }
    };

    private record Identity(Object body) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.body == body;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(body);
        }
    }

    synchronized void note(Object body, Set<String> fields) {
        if (!fields.isEmpty()) {
            byBody.put(new Identity(body), Set.copyOf(fields));
        }
    }

    /** The top-level fields the body set to null (taken: asked once per body). */
    synchronized Set<String> of(Object body) {
        Set<String> fields = byBody.remove(new Identity(body));
        return fields == null ? Set.of() : fields;
    }
}
