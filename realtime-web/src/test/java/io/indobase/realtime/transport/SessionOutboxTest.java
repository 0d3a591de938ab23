package io.indobase.realtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.indobase.realtime.monitoring.RealtimeStats;
import jakarta.websocket.CloseReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionOutboxTest {

    private final ScriptedSession script = new ScriptedSession();

    @Test
    void keepsOneFrameInFlightAndSendsTheRestInOrder() {
        SessionOutbox outbox = new SessionOutbox(script.session, 10, new RealtimeStats());
        outbox.send("a");
        outbox.send("b");
        outbox.send("c");
        assertEquals(List.of("a"), script.written);
        script.complete();
        script.complete();
        script.complete();
        assertEquals(List.of("a", "b", "c"), script.written);
        assertEquals(1, script.maxInFlight);
    }

    @Test
    void sendsCompletingInlineDrainTheQueueWithoutRecursion() {
        script.inline = true;
        SessionOutbox outbox = new SessionOutbox(script.session, 100_000, new RealtimeStats());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            outbox.send("f" + i);
            expected.add("f" + i);
        }
        assertEquals(expected, script.written);
    }

    @Test
    void aClientThatFallsBehindIsClosedWith1013AndItsFramesDropped() {
        RealtimeStats stats = new RealtimeStats();
        SessionOutbox outbox = new SessionOutbox(script.session, 2, stats);
        outbox.send("in flight");
        outbox.send("queued 1");
        outbox.send("queued 2");
        assertNull(script.closed);
        outbox.send("one too many");
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, script.closed.getCloseCode());
        script.complete();
        outbox.send("after close");
        assertEquals(List.of("in flight"), script.written);
        assertEquals(3, stats.dropped(RealtimeStats.Drop.SLOW_CONSUMER));
    }

    @Test
    void anOperatorsDisconnectSendsAnErrorThenClosesWith1008() {
        script.inline = true;
        SessionOutbox outbox = new SessionOutbox(script.session, 10, new RealtimeStats());
        outbox.disconnect("Disconnected by an operator");
        assertEquals(List.of("{\"type\":\"error\",\"data\":{\"code\":1008,\"message\":\"Disconnected by an operator\"}}"),
                script.written);
        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, script.closed.getCloseCode());
    }

    @Test
    void sendThenCloseClosesAfterEverythingQueuedBefore() {
        SessionOutbox outbox = new SessionOutbox(script.session, 10, new RealtimeStats());
        outbox.send("event");
        outbox.sendThenClose("{\"type\":\"error\"}", new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "bye"));
        outbox.send("an event after the error must not come between the error and the close");
        assertNull(script.closed);
        script.complete();
        assertNull(script.closed);
        script.complete();
        assertEquals(List.of("event", "{\"type\":\"error\"}"), script.written);
        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, script.closed.getCloseCode());
    }
}
