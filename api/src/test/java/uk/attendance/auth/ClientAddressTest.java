package uk.attendance.auth;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which address the sign-in limits count a request against, from the socket peer and X-Forwarded-For. */
class ClientAddressTest {
    private static final ClientAddress NO_PROXIES = ClientAddress.trusting("");
    private static final ClientAddress BEHIND_PROXIES = ClientAddress.trusting("10.0.0.0/8, 192.0.2.10, 2001:db8:ffff::/48");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("198.51.100.7", NO_PROXIES.of(peer("198.51.100.7"), List.of("203.0.113.1")));
        assertEquals("10.1.2.3", NO_PROXIES.of(peer("10.1.2.3"), List.of("203.0.113.1")));
    }

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItForwards() {
        assertEquals("198.51.100.7", BEHIND_PROXIES.of(peer("198.51.100.7"), List.of("203.0.113.1")));
        assertEquals("198.51.100.7", BEHIND_PROXIES.of(peer("198.51.100.7"), List.of("203.0.113.1, 10.0.0.5")));
    }

    @Test
    void behindATrustedProxyTheClientIsTheEntryItAppended() {
        assertEquals("203.0.113.1", BEHIND_PROXIES.of(peer("10.0.0.5"), List.of("203.0.113.1")));
    }

    @Test
    void entriesLeftOfTheLastUntrustedOneAreTheCallersOwnAndIgnored() {
        // the caller wrote "1.1.1.1"; our proxy appended the address it saw
        assertEquals("203.0.113.1", BEHIND_PROXIES.of(peer("10.0.0.5"), List.of("1.1.1.1, 203.0.113.1")));
    }

    @Test
    void trustedProxiesAreSkippedFromTheRightAcrossHeaderLines() {
        assertEquals("203.0.113.1", BEHIND_PROXIES.of(peer("10.0.0.5"),
                List.of("1.1.1.1, 203.0.113.1, 192.0.2.10", "10.200.0.1")));
        assertEquals("2001:db8:1:0:0:0:0:9", BEHIND_PROXIES.of(peer("2001:db8:ffff::1"),
                List.of("2001:db8:1::9, 2001:db8:ffff:0:1::2")));
    }

    @Test
    void portsAndBracketsAreDropped() {
        assertEquals("203.0.113.1", BEHIND_PROXIES.of(peer("10.0.0.5"), List.of("203.0.113.1:51234")));
        assertEquals("2001:db8:1:0:0:0:0:9", BEHIND_PROXIES.of(peer("10.0.0.5"), List.of("[2001:db8:1::9]:443")));
    }

    @Test
    void anIpv4PeerOnADualStackSocketIsThatIpv4Address() {
        assertEquals("203.0.113.1", BEHIND_PROXIES.of(peer("::ffff:10.0.0.5"), List.of("203.0.113.1")));
        assertEquals("198.51.100.7", NO_PROXIES.of(peer("::ffff:198.51.100.7"), List.of()));
    }

    @Test
    void somethingThatIsNotAnAddressStopsTheWalkAtTheLastTrustedProxy() {
        assertEquals("10.0.0.5", BEHIND_PROXIES.of(peer("10.0.0.5"), List.of("unknown")));
        assertEquals("10.0.0.5", BEHIND_PROXIES.of(peer("10.0.0.5"), List.of("203.0.113.1, 999.1.1.1")));
        assertEquals("192.0.2.10", BEHIND_PROXIES.of(peer("10.0.0.5"), List.of("evil.example.org, 192.0.2.10")));
    }

    @Test
    void aRequestThatCameOnlyThroughTrustedProxiesIsTheLeftMostOfThem() {
        assertEquals("192.0.2.10", BEHIND_PROXIES.of(peer("10.0.0.5"), List.of("192.0.2.10")));
        assertEquals("10.0.0.5", BEHIND_PROXIES.of(peer("10.0.0.5"), List.of()));
    }

    @Test
    void rangesMatchOnTheirPrefixOnly() {
        ClientAddress proxies = ClientAddress.trusting("172.16.0.0/12,fd00::/8");
        assertEquals("203.0.113.1", proxies.of(peer("172.31.255.255"), List.of("203.0.113.1")));
        assertEquals("172.32.0.1", proxies.of(peer("172.32.0.1"), List.of("203.0.113.1")));
        assertEquals("203.0.113.1", proxies.of(peer("fdab::1"), List.of("203.0.113.1")));
        assertEquals("fe00:0:0:0:0:0:0:1", proxies.of(peer("fe00::1"), List.of("203.0.113.1")));
    }

    @Test
    void aSettingThatIsNotAnAddressOrRangeStopsTheStart() {
        for (String bad : List.of("proxy.internal", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/8/8", "10.0.0/8", "10.0.0.0/x")) {
            var e = assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting(bad), bad);
            assertTrue(e.getMessage().startsWith("attendance.trusted-proxies: "), e.getMessage());
        }
    }

    private static InetSocketAddress peer(String address) {
        try {
            return new InetSocketAddress(InetAddress.getByName(address), 40_000);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
