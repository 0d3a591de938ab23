package io.indobase.realtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.stats.RealtimeStats;
import jakarta.websocket.CloseReason;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sweep, driven with explicit times: pings, the idle close and the send timeout. */
class HeartbeatTest {

    private final ScriptedSession script = new ScriptedSession();
    private final Heartbeat heartbeat = new Heartbeat();

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void pingsASilentSocketOncePerIntervalAndClosesItWith4408WhenIdlePastTheTimeout() {
        script.inline = true;
        heartbeat.pingMillis = 1_000;
        heartbeat.idleMillis = 3_000;
        long start = System.nanoTime();
        heartbeat.track(script.session, script.outbox(10, new RealtimeStats()));
        heartbeat.sweep(start + ms(500));
        assertEquals(0, script.pings);
        heartbeat.sweep(start + ms(1_100));
        heartbeat.sweep(start + ms(1_500));
        assertEquals(1, script.pings, "one ping per interval");
        heartbeat.sweep(start + ms(2_200));
        assertEquals(2, script.pings);
        assertNull(script.closed);
        heartbeat.sweep(start + ms(3_100));
        assertEquals(Heartbeat.IDLE, script.closed.getCloseCode().getCode());
        assertEquals(List.of("{\"type\":\"error\",\"data\":{\"code\":4408,\"message\":\"" + Heartbeat.IDLE_MESSAGE + "\"}}"), script.written);
        // still watched until its @OnClose: a close that never goes out is cut off by the send timeout
        heartbeat.sweep(start + ms(4_200));
        assertEquals(1, script.written.size(), "no second 4408, no more pings");
        assertEquals(1, heartbeat.tracked());
        heartbeat.forget(script.session);
        assertEquals(0, heartbeat.tracked());
    }

    @Test
    void whatTheClientSendsKeepsItAliveWithoutPings() {
        heartbeat.pingMillis = 1_000;
        heartbeat.idleMillis = 3_000;
        heartbeat.track(script.session, script.outbox(10, new RealtimeStats()));
        heartbeat.heard(script.session);
        heartbeat.sweep(System.nanoTime() + ms(900));
        assertEquals(0, script.pings);
        assertNull(script.closed);
    }

    @Test
    void aFrameUntakenPastTheSendTimeoutClosesTheSocketWith1013() {
        heartbeat.sendTimeoutMillis = 2_000;
        heartbeat.idleMillis = 60_000;
        SessionOutbox outbox = script.outbox(10, new RealtimeStats());
        heartbeat.track(script.session, outbox);
        outbox.send("the client never reads this");
        heartbeat.heard(script.session);
        heartbeat.sweep(System.nanoTime() + ms(1_000));
        assertNull(script.closed);
        heartbeat.sweep(System.nanoTime() + ms(2_500));
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, script.closed.getCloseCode());
    }

    @Test
    void stoppingClosesOpenSocketsWith1001AndRefusesNewOnes() {
        script.inline = true;
        heartbeat.shutdownMillis = 100;
        heartbeat.track(script.session, script.outbox(10, new RealtimeStats()));
        heartbeat.stop();
        assertEquals(CloseReason.CloseCodes.GOING_AWAY, script.closed.getCloseCode());
        ScriptedSession late = new ScriptedSession();
        assertTrue(!heartbeat.track(late.session, late.outbox(10, new RealtimeStats())));
    }
}
