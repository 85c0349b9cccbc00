package uk.attendance.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;

/**
 * The address a request came from, for the per-client limit. The first {@code X-Forwarded-For} entry is used only
 * with {@code attendance.trust-forwarded-for: true}, i.e. behind a proxy that sets it; otherwise anyone could
 * pick their own address.
 */
@Singleton
class ClientAddress {
    private static final int MAX_LENGTH = 64;
    private final boolean trustForwardedFor;

    ClientAddress(@Value("${attendance.trust-forwarded-for:false}") boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    String of(HttpRequest<?> request) {
        if (trustForwardedFor) {
            String forwarded = request.getHeaders().get("X-Forwarded-For");
            if (forwarded != null) {
                String first = forwarded.split(",", 2)[0].strip();
                if (!first.isEmpty()) {
                    return cut(first);
                }
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return cut(remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
    }

    private static String cut(String address) {
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }
}
