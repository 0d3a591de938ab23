package io.indobase.realtime.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Simultaneous sockets per address and per project. */
class SocketCapsTest {

    @Test
    void anAddressAndAProjectEachHoldAtMostTheirCap() {
        SocketCaps caps = new SocketCaps(2, 3);
        SocketCaps.Slot first = caps.open("p1", "a");
        assertNull(first.refusal());
        assertNull(caps.open("p1", "a").refusal());
        assertEquals(SocketCaps.PER_ADDRESS, caps.open("p1", "a").refusal());
        assertEquals(SocketCaps.PER_ADDRESS, caps.open("p2", "a").refusal(), "the address cap spans projects");
        assertNull(caps.open("p1", "b").refusal());
        assertEquals(SocketCaps.PER_PROJECT, caps.open("p1", "c").refusal());
        assertNull(caps.open("p2", "c").refusal(), "another project is not affected");
        assertNull(caps.open("p2", null).refusal(), "an unknown address: only the project counts");
        first.release();
        first.release();
        assertNull(caps.open("p1", "c").refusal(), "a released place is free again, once");
        assertEquals(SocketCaps.PER_PROJECT, caps.open("p1", "d").refusal());
        SocketCaps.Slot.NONE.release();
        assertThrows(IllegalArgumentException.class, () -> new SocketCaps(0, 1));
    }

    @Test
    void aRefusalByTheProjectGivesTheAddressItsPlaceBack() {
        SocketCaps caps = new SocketCaps(1, 1);
        SocketCaps.Slot held = caps.open("p1", "a");
        assertEquals(SocketCaps.PER_PROJECT, caps.open("p1", "b").refusal());
        assertNull(caps.open("p2", "b").refusal(), "b holds nothing after the refusal");
        held.release();
        assertNull(caps.open("p1", "a").refusal());
    }

    @Test
    void concurrentOpensNeverExceedTheCapAndReleasesBalance() throws Exception {
        SocketCaps caps = new SocketCaps(50, 1_000);
        ConcurrentLinkedQueue<SocketCaps.Slot> held = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    SocketCaps.Slot slot = caps.open("p", "a");
                    if (slot.refusal() == null) {
                        held.add(slot);
                    }
                }
            }));
        }
        for (var future : done) {
            future.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(50, held.size());
        held.forEach(SocketCaps.Slot::release);
        assertNull(caps.open("p", "a").refusal());
    }

    @Test
    void limitsCountTheSocketsOfAnIpv6ClientByItsSlash64() {
        Limits limits = Limits.configured(Map.of("realtime.security.sockets-per-address", "2"));
        assertNull(limits.admitSocket("p", "2001:db8:1:2::1").refusal());
        assertNull(limits.admitSocket("p", "2001:db8:1:2::2").refusal());
        assertEquals(SocketCaps.PER_ADDRESS, limits.admitSocket("p", "2001:db8:1:2:ffff::3").refusal());
        assertNull(limits.admitSocket("p", "2001:db8:1:3::1").refusal());
    }
}
