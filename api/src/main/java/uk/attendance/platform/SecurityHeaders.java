package uk.attendance.platform;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Optional;

/**
 * Headers on every answer, errors included (this filter runs outside security's, so its 401s and 403s get them too):
 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer}, {@code X-Frame-Options: DENY};
 * {@code Cache-Control: no-store} on everything but the contract and the docs page's assets (tokens and personal data
 * must not stay in a browser's or proxy's cache); {@code Strict-Transport-Security} when {@code PUBLIC_URL} is https.
 * A header a controller set itself is kept.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeaders implements Ordered {
    static final String HSTS = "max-age=31536000; includeSubDomains";
    private final boolean https;

    SecurityHeaders(@Value("${attendance.public-url:}") Optional<String> publicUrl) {
        this.https = publicUrl.filter(url -> url.regionMatches(true, 0, "https://", 0, 8)).isPresent();
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        addIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        addIfAbsent(headers, "Referrer-Policy", "no-referrer");
        addIfAbsent(headers, "X-Frame-Options", "DENY");
        if (!isPublicAsset(request.getPath())) {
            addIfAbsent(headers, HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (https) {
            addIfAbsent(headers, "Strict-Transport-Security", HSTS);
        }
    }

    /** The contract and the Swagger UI's files: the same for everyone, so caching them is harmless. */
    static boolean isPublicAsset(String path) {
        return path.equals("/openapi.yaml") || path.startsWith("/docs/ui/");
    }

    private static void addIfAbsent(MutableHttpHeaders headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.add(name, value);
        }
    }

    @Override
    public int getOrder() {
        // first in, last out: every other filter's answer (security's 401 and 403 too) passes through this one
        return ServerFilterPhase.FIRST.before();
    }
}
