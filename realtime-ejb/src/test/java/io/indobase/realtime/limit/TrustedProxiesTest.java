package io.indobase.realtime.limit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address a request is counted as: address literals, /64 keys, and X-Forwarded-For behind trusted proxies. */
class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies("127.0.0.1, 10.0.0.0/8, fd00::/8");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        TrustedProxies none = new TrustedProxies("none");
        assertEquals("10.1.2.3", none.client("10.1.2.3", List.of("203.0.113.9")));
        assertEquals("203.0.113.1", proxies.client("203.0.113.1", List.of("198.51.100.7")), "an untrusted peer's header is ignored");
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedAddressIsTheClient() {
        assertEquals("203.0.113.9", proxies.client("10.1.2.3", List.of("203.0.113.9")));
        assertEquals("203.0.113.9", proxies.client("10.1.2.3", List.of("203.0.113.9, 10.0.0.5")), "two trusted hops");
        assertEquals("203.0.113.9", proxies.client("10.1.2.3", List.of("192.0.2.66, 203.0.113.9")),
                "what the client wrote itself, to the left, is never reached");
        assertEquals("203.0.113.9", proxies.client("10.1.2.3", List.of("192.0.2.66", "203.0.113.9, 10.0.0.5")),
                "header lines are one list, in order");
        assertEquals("10.0.0.5", proxies.client("127.0.0.1", List.of("10.0.0.9, nonsense, 10.0.0.5")),
                "past a hop that is not an address, the proxy that passed it on is the client");
        assertEquals("10.0.0.9", proxies.client("127.0.0.1", List.of("10.0.0.9")), "all trusted: the far end");
        assertEquals("127.0.0.1", proxies.client("127.0.0.1", List.of()), "no header: the proxy itself");
        assertEquals("2001:db8:0:0:0:0:0:1", proxies.client("fd12::1", List.of("[2001:db8::1]:4711")));
        assertEquals("203.0.113.9", proxies.client("::ffff:10.0.0.1", List.of("203.0.113.9:443")));
    }

    @Test
    void addressLiteralsAreParsedWithoutAskingDns() {
        assertArrayEquals(new byte[]{(byte) 192, 0, 2, 1}, ClientAddress.parse(" 192.0.2.1 "));
        assertEquals(16, ClientAddress.parse("[fe80::1%eth0]").length);
        assertEquals(4, ClientAddress.parse("::ffff:192.0.2.1").length);
        for (String bad : List.of("", "localhost", "example.com", "1.2.3", "256.1.1.1", "abc", "[abc]", "a:b:c:d:e:f:g:h",
                "1.2.3.4.5", "::1::2", "[::1")) {
            assertNull(ClientAddress.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies("proxy.internal"));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies("10.0.0.0/x"));
    }

    @Test
    void rangesMatchOnTheirPrefixOnly() {
        TrustedProxies ranges = new TrustedProxies("192.168.4.0/22, 2001:db8:a::/48");
        assertTrue(ranges.trusts("192.168.7.255"));
        assertFalse(ranges.trusts("192.168.8.0"));
        assertTrue(ranges.trusts("2001:db8:a:ffff::1"));
        assertFalse(ranges.trusts("2001:db8:b::1"));
        assertTrue(new TrustedProxies("0.0.0.0/0").trusts("203.0.113.9"));
    }

    @Test
    void limitsCountIpv6BySlash64AndEverythingElseAsIs() {
        assertEquals("2001:db8:1:2::/64", ClientAddress.key("2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd"));
        assertEquals("203.0.113.5", ClientAddress.key("::ffff:203.0.113.5"));
        assertEquals("203.0.113.5", ClientAddress.key("203.0.113.5:8080"));
        assertEquals("not-an-address", ClientAddress.key("not-an-address"));
        assertEquals("", ClientAddress.key(null));
    }
}
