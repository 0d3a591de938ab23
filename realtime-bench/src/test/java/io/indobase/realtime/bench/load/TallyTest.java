package io.indobase.realtime.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static void receive(Tally tally, Subscriber subscriber, long seq, long sent, int readable, long now) {
        byte[] frame = ("{\"payload\":{" + Markers.fields(seq, sent, readable) + "}}").getBytes(StandardCharsets.UTF_8);
        tally.record(subscriber, frame, 0, frame.length, now);
    }

    @Test
    void countsDeliveriesLatencyOrderAuthorisationAndTheLastArrivalOfEachMessage() {
        Tally tally = new Tally();
        tally.reset(100, 3);
        Subscriber member = new Subscriber(0, 0, false, null);
        Subscriber outsider = new Subscriber(5, 5, false, null);
        receive(tally, member, 100, 1_000_000, 1, 3_000_000);   // 2 ms
        receive(tally, member, 102, 1_000_000, 1, 5_000_000);
        receive(tally, member, 101, 1_000_000, 1, 6_000_000);   // out of order
        receive(tally, outsider, 100, 1_000_000, 1, 7_000_000); // team 5 may not read what teams < 1 may
        receive(tally, member, 99, 1_000_000, 1, 8_000_000);    // before this round: stale
        assertEquals(4, tally.delivered);
        assertEquals(1, tally.disorder);
        assertEquals(1, tally.unauthorised);
        assertEquals(1, tally.stale);
        assertTrue(tally.summary().contains("count=4"), tally.summary());
        assertEquals("0:7000000,1:6000000,2:5000000", tally.lastReceived());
    }
}
