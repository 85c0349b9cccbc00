package uk.attendance.auth;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The address a request came from, for the per-client sign-in limits.
 * <p>
 * {@code X-Forwarded-For} is written by whoever sends the request, so only the entries our own proxies appended can be
 * believed. With {@code attendance.trusted-proxies} (IP addresses and CIDR ranges of the load balancer, ingress…)
 * the header is read only when the socket peer is one of them, from the right: each trusted proxy appended the address
 * it was connected from, so the first entry that is not a trusted proxy is the client. Without trusted proxies (the
 * default) the header is ignored and the socket peer is the client.
 */
@Singleton
class ClientAddress {
    private static final String HEADER = "X-Forwarded-For";
    /** Stored in {@code VARCHAR(64)} columns; a text form of an address is at most 45 characters. */
    private static final int MAX_LENGTH = 64;
    private final List<Range> trusted;

    @Inject
    ClientAddress(@Value("${attendance.trusted-proxies:}") String trustedProxies) {
        this(parse(trustedProxies));
    }

    private ClientAddress(List<Range> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    String of(HttpRequest<?> request) {
        return of(request.getRemoteAddress(), request.getHeaders().getAll(HEADER));
    }

    /** @param forwardedHeaders every {@code X-Forwarded-For} line of the request, in order */
    String of(InetSocketAddress remote, List<String> forwardedHeaders) {
        Optional<byte[]> peer = remote.getAddress() != null ? Optional.of(remote.getAddress().getAddress())
                : literal(remote.getHostString());
        if (peer.isEmpty()) {
            return cut(remote.getHostString());
        }
        return text(clientOf(peer.get(), forwardedHeaders));
    }

    /** The right-most address in the chain {@code forwarded…, peer} that is not a trusted proxy. */
    private byte[] clientOf(byte[] peer, List<String> forwardedHeaders) {
        byte[] client = normal(peer);
        if (!isTrusted(client)) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedHeaders) {
            hops.addAll(Arrays.asList(header.split(",")));
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<byte[]> hop = literal(withoutPort(hops.get(i).strip())).map(ClientAddress::normal);
            if (hop.isEmpty()) {
                // not an address: no trusted proxy wrote it, so the last proxy we trust is as far as we can see
                return client;
            }
            client = hop.get();
            if (!isTrusted(client)) {
                return client;
            }
        }
        // every hop is one of ours (a health check from inside, say)
        return client;
    }

    private boolean isTrusted(byte[] address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** A range of addresses ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or one address. */
    record Range(byte[] network, int prefix) {
        static Range parse(String cidr) {
            String[] parts = cidr.strip().split("/", -1);
            byte[] network = literal(parts[0].strip()).map(ClientAddress::normal).orElseThrow(() ->
                    new IllegalArgumentException("attendance.trusted-proxies: '" + cidr.strip()
                            + "' is not an IP address or CIDR range (like 10.0.0.0/8 or 2001:db8::/32)"));
            int bits = network.length * 8;
            int prefix = bits;
            if (parts.length > 2 || parts.length == 2 && !parts[1].strip().matches("\\d{1,3}")) {
                throw new IllegalArgumentException("attendance.trusted-proxies: '" + cidr.strip() + "' has no valid prefix length");
            }
            if (parts.length == 2) {
                prefix = Integer.parseInt(parts[1].strip());
                if (prefix > bits) {
                    throw new IllegalArgumentException("attendance.trusted-proxies: '" + cidr.strip()
                            + "' has a prefix longer than " + bits + " bits");
                }
            }
            return new Range(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit += 8) {
                int take = Math.min(8, prefix - bit);
                int mask = (0xff << (8 - take)) & 0xff;
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    static List<Range> parse(String trustedProxies) {
        if (trustedProxies == null || trustedProxies.isBlank()) {
            return List.of();
        }
        return Arrays.stream(trustedProxies.split("[,\\s]+")).filter(s -> !s.isBlank()).map(Range::parse).toList();
    }

    static ClientAddress trusting(String trustedProxies) {
        return new ClientAddress(parse(trustedProxies));
    }

    /** The bytes of an IP address literal; empty for anything else (never a DNS lookup). */
    static Optional<byte[]> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return Optional.empty();
        }
        if (text.indexOf(':') < 0) {
            return v4(text);
        }
        if (!text.matches("[0-9A-Fa-f:][0-9A-Fa-f:.]*")) {
            return Optional.empty();
        }
        try {
            // text with a colon is only ever parsed as an IPv6 literal (UnknownHostException when it is not one)
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> v4(String text) {
        if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.");
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return Optional.empty();
            }
            address[i] = (byte) octet;
        }
        return Optional.of(address);
    }

    /** {@code 203.0.113.7:51234} → {@code 203.0.113.7}; {@code [2001:db8::1]:443} → {@code 2001:db8::1}. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close > 0 ? hop.substring(1, close) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    /** An IPv4 address seen through a dual-stack socket ({@code ::ffff:a.b.c.d}) is that IPv4 address. */
    private static byte[] normal(byte[] address) {
        if (address.length == 16) {
            boolean mapped = address[10] == (byte) 0xff && address[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = address[i] == 0;
            }
            if (mapped) {
                return Arrays.copyOfRange(address, 12, 16);
            }
        }
        return address;
    }

    private static String text(byte[] address) {
        try {
            return cut(InetAddress.getByAddress(address).getHostAddress());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("An address of " + address.length + " bytes", e);
        }
    }

    private static String cut(String address) {
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }
}
