package io.indobase.realtime.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.subscription.Subscription;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Origins, rates and caps. */
class LimitsTest {

    @Test
    void sameOriginAllowsPagesOfThisHostOnly() {
        OriginPolicy policy = new OriginPolicy("same-origin");
        assertTrue(policy.allows("p1", null, "rt.example.com"), "no Origin: not a browser");
        assertTrue(policy.allows("p1", "https://rt.example.com", "rt.example.com"));
        assertTrue(policy.allows("p1", "http://localhost:8080", "localhost:8080"));
        assertFalse(policy.allows("p1", "http://localhost:8081", "localhost:8080"));
        assertFalse(policy.allows("p1", "https://evil.example", "rt.example.com"));
        assertFalse(policy.allows("p1", "null", "rt.example.com"));
    }

    @Test
    void listedOriginsMayBeLimitedToAProject() {
        OriginPolicy policy = new OriginPolicy("https://app.example.com, p2=https://two.example.com:8443");
        assertTrue(policy.allows("p1", "https://APP.example.com", "rt"));
        assertTrue(policy.allows("p2", "https://two.example.com:8443", "rt"));
        assertFalse(policy.allows("p1", "https://two.example.com:8443", "rt"));
        assertTrue(new OriginPolicy("*").allows("p1", "https://any.where", "rt"));
        assertThrows(IllegalArgumentException.class, () -> new OriginPolicy("not an origin"));
    }

    @Test
    void aRateWindowRefusesOverTheLimitUntilTheWindowEnds() {
        AtomicLong now = new AtomicLong();
        RateWindow window = new RateWindow(2, 60_000, now::get);
        assertTrue(window.tryAcquire("a"));
        assertTrue(window.tryAcquire("a"));
        assertFalse(window.tryAcquire("a"));
        assertTrue(window.tryAcquire("b"));
        now.set(60_000);
        assertTrue(window.tryAcquire("a"));
    }

    @Test
    void aRateWindowForgetsEndedWindowsAsKeysAccumulate() {
        AtomicLong now = new AtomicLong();
        RateWindow window = new RateWindow(1, 1_000, now::get);
        for (int i = 0; i < 10_001; i++) {
            window.tryAcquire("ip" + i);
        }
        now.set(2_000);
        window.tryAcquire("late");
        assertEquals(1, window.keys());
    }

    @Test
    void aRateWindowKeepsAdmittingAndCountingNewKeysPastOneHundredThousand() {
        AtomicLong now = new AtomicLong();
        RateWindow window = new RateWindow(3, 60_000, now::get);
        for (int i = 0; i < 100_000; i++) {
            window.tryAcquire(ipv4(i));
        }
        assertTrue(window.tryAcquire("198.51.100.7"), "a new address is not refused because many are tracked");
        assertTrue(window.tryAcquire("198.51.100.7") && window.tryAcquire("198.51.100.7"));
        assertFalse(window.tryAcquire("198.51.100.7"), "and it is counted");
        assertTrue(window.exhausted("198.51.100.7"));
        assertTrue(window.keys() <= 100_000, "bounded: " + window.keys());
    }

    @Test
    void aFullRateWindowForgetsTheIdlestKeyAndKeepsTheBusyOnes() {
        AtomicLong now = new AtomicLong();
        RateWindow window = new RateWindow(2, 60_000, now::get, 3);
        window.tryAcquire("guesser");
        window.tryAcquire("guesser");
        now.set(1);
        window.tryAcquire("idle");
        now.set(2);
        window.tryAcquire("other");
        assertTrue(window.exhausted("guesser"), "being asked about counts as use");
        window.tryAcquire("new");
        assertEquals(3, window.keys());
        assertEquals(1, window.evicted());
        assertTrue(window.exhausted("guesser"), "the idlest key went, not the busy one");
        assertTrue(window.tryAcquire("idle"), "the forgotten key starts afresh (and makes room in turn)");
        assertEquals(2, window.evicted());
        now.set(60_002);
        window.tryAcquire("fresh");
        assertEquals(1, window.keys(), "windows that ended are dropped, not counted as evictions");
        assertEquals(2, window.evicted());
    }

    @Test
    void failedLoginsAreStillCountedWhenAnAttackerHasFilledTheTable() {
        Limits limits = Limits.defaults();
        for (int i = 0; i < 150_000; i++) {
            limits.loginFailed(ipv4(i));
        }
        for (int i = 0; i < 20; i++) {
            limits.loginFailed("198.51.100.7");
        }
        assertTrue(limits.loginsExhausted("198.51.100.7"), "the guesser is locked out");
        assertFalse(limits.loginsExhausted("192.0.2.1"), "an address that failed nothing is not");
    }

    @Test
    void ipv6AddressesAreCountedPerSlash64() {
        Limits limits = Limits.defaults();
        for (int i = 0; i < 20; i++) {
            limits.loginFailed("2001:db8:1:2:" + Integer.toHexString(i) + "::1");
        }
        assertTrue(limits.loginsExhausted("2001:db8:1:2:ffff:ffff:ffff:ffff"), "one /64, one budget");
        assertTrue(limits.loginsExhausted("[2001:0db8:0001:0002::9]"));
        assertFalse(limits.loginsExhausted("2001:db8:1:3::1"), "the next /64 has its own");
        for (int i = 0; i < 128; i++) {
            assertTrue(limits.connectionAllowed("2001:db8:9:9::" + Integer.toHexString(i + 1)));
        }
        assertFalse(limits.connectionAllowed("2001:db8:9:9:abcd::1"));
        for (int i = 0; i < 20; i++) {
            limits.loginFailed("::ffff:203.0.113.5");
        }
        assertTrue(limits.loginsExhausted("203.0.113.5"), "an IPv4-mapped address is its IPv4 address");
    }

    private static String ipv4(int i) {
        return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
    }

    @Test
    void aMessageBudgetResetsEveryWindow() {
        AtomicLong now = new AtomicLong();
        MessageBudget budget = new MessageBudget(3, 60_000, now::get);
        assertTrue(budget.tryAcquire() && budget.tryAcquire() && budget.tryAcquire());
        assertFalse(budget.tryAcquire());
        now.set(60_000);
        assertTrue(budget.tryAcquire());
    }

    @Test
    void capsCountSubscriptionsDistinctChannelsAndQueries() {
        Limits limits = Limits.defaults();
        Map<String, Subscription> planned = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            planned.put("s" + i, new Subscription(Set.of("files", "c" + i), List.of()));
        }
        assertNull(limits.overCap(planned));
        planned.put("s100", new Subscription(Set.of("files"), List.of()));
        assertEquals("Too many subscriptions: at most 100 per connection.", limits.overCap(planned));
        Map<String, Subscription> wide = Map.of("s", new Subscription(
                Set.copyOf(java.util.stream.IntStream.range(0, 501).mapToObj(i -> "c" + i).toList()), List.of()));
        assertEquals("Too many channels: at most 500 per connection.", limits.overCap(wide));
    }

    @Test
    void failedLoginsAreCountedPerAddressAndOnlyFailuresCount() {
        Limits limits = Limits.defaults();
        for (int i = 0; i < 20; i++) {
            assertFalse(limits.loginsExhausted("10.0.0.9"));
            limits.loginFailed("10.0.0.9");
        }
        assertTrue(limits.loginsExhausted("10.0.0.9"));
        assertFalse(limits.loginsExhausted("10.0.0.10"));
    }
}
