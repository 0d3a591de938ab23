package io.indobase.realtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.stats.RealtimeStats;
import jakarta.websocket.CloseReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionOutboxTest {

    private final ScriptedSession script = new ScriptedSession();

    @Test
    void keepsOneFrameInFlightAndSendsTheRestInOrder() {
        SessionOutbox outbox = script.outbox(10, new RealtimeStats());
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
        SessionOutbox outbox = script.outbox(100_000, new RealtimeStats());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            outbox.send("f" + i);
            expected.add("f" + i);
        }
        assertEquals(expected, script.written);
    }

    @Test
    void aClientThatFallsBehindLosesItsQueueAndGetsError1013ThenClose1013AfterTheFrameInFlight() {
        RealtimeStats stats = new RealtimeStats();
        SessionOutbox outbox = script.outbox(2, stats);
        outbox.send("in flight");
        outbox.send("queued 1");
        outbox.send("queued 2");
        outbox.send("one too many");
        assertNull(script.closed, "the close waits for the frame in flight");
        outbox.send("after overflow");
        script.complete();
        script.complete();
        assertEquals(List.of("in flight", "{\"type\":\"error\",\"data\":{\"code\":1013,\"message\":\"" + SessionOutbox.TOO_SLOW + "\"}}"),
                script.written);
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, script.closed.getCloseCode());
        assertEquals(3, stats.dropped(RealtimeStats.Drop.SLOW_CONSUMER));
    }

    @Test
    void theCharactersQueuedAreBoundedToo() {
        RealtimeStats stats = new RealtimeStats();
        SessionOutbox outbox = script.outbox(1000, 25, stats);
        outbox.send("x".repeat(100));
        outbox.send("y".repeat(10));
        outbox.send("z".repeat(10));
        assertEquals(0, stats.dropped(RealtimeStats.Drop.SLOW_CONSUMER));
        outbox.send("w".repeat(10));
        assertEquals(3, stats.dropped(RealtimeStats.Drop.SLOW_CONSUMER));
        script.complete();
        assertEquals(2, script.written.size());
        assertTrue(script.written.get(1).contains("1013"));
    }

    @Test
    void aQueueThatDrainsFreesItsCharacters() {
        script.inline = true;
        SessionOutbox outbox = script.outbox(10, 100, new RealtimeStats());
        for (int i = 0; i < 1000; i++) {
            outbox.send("f".repeat(60));
        }
        assertEquals(1000, script.written.size());
        assertNull(script.closed);
    }

    /** Randomized: whatever a client does, the queue never holds more than the limits, and order is kept. */
    @Test
    void neverHoldsMoreThanItsLimitsAndKeepsOrder() {
        java.util.Random random = new java.util.Random(5);
        for (int round = 0; round < 200; round++) {
            ScriptedSession session = new ScriptedSession();
            SessionOutbox outbox = session.outbox(1 + random.nextInt(20), 50 + random.nextInt(500), new RealtimeStats());
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 300 && session.closed == null; i++) {
                if (random.nextInt(3) == 0 && !session.pending.isEmpty()) {
                    session.complete();
                } else {
                    String frame = i + ":" + "x".repeat(random.nextInt(40));
                    sent.add(frame);
                    outbox.send(frame);
                }
                assertTrue(outbox.queuedFrames() <= outbox.capacity() + 1 && outbox.queuedChars() <= outbox.maxChars() + 60);
            }
            List<String> events = session.written.stream().filter(f -> !f.startsWith("{")).toList();
            assertEquals(sent.subList(0, events.size()), events, "a prefix of what was sent, in order");
        }
    }

    @Test
    void abandoningAStalledClientClosesItAt1013WithoutWaiting() {
        SessionOutbox outbox = script.outbox(10, new RealtimeStats());
        outbox.send("never taken");
        assertTrue(outbox.stalledSince() != 0);
        outbox.abandon();
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, script.closed.getCloseCode());
    }

    @Test
    void closeAfterQueuedClosesWithoutAFrameOfItsOwnAfterTheQueue() {
        SessionOutbox outbox = script.outbox(10, new RealtimeStats());
        outbox.send("event");
        outbox.closeAfterQueued(Heartbeat.GOING_AWAY);
        assertNull(script.closed);
        script.complete();
        assertEquals(List.of("event"), script.written);
        assertEquals(CloseReason.CloseCodes.GOING_AWAY, script.closed.getCloseCode());
    }

    @Test
    void anOperatorsDisconnectSendsAnErrorThenClosesWith1008() {
        script.inline = true;
        SessionOutbox outbox = script.outbox(10, new RealtimeStats());
        outbox.disconnect("Disconnected by an operator");
        assertEquals(List.of("{\"type\":\"error\",\"data\":{\"code\":1008,\"message\":\"Disconnected by an operator\"}}"),
                script.written);
        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, script.closed.getCloseCode());
    }

    @Test
    void sendThenCloseClosesAfterEverythingQueuedBefore() {
        SessionOutbox outbox = script.outbox(10, new RealtimeStats());
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

    @Test
    void aSocketRefusedWhileItOpensGetsItsErrorFrameAtOnceAndItsCloseOnTheDeferral() {
        script.inline = true;
        SessionOutbox outbox = script.outbox(10, new RealtimeStats());
        List<Runnable> deferred = new ArrayList<>();
        outbox.deferCloses(deferred::add);
        outbox.sendThenClose("refused", new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "no"));
        outbox.deferCloses(null);
        assertEquals(List.of("refused"), script.written);
        assertNull(script.closed, "not closed inside @OnOpen");
        deferred.forEach(Runnable::run);
        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, script.closed.getCloseCode());
        outbox.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "later"));
        assertEquals(CloseReason.CloseCodes.GOING_AWAY, script.closed.getCloseCode(), "once open, closes are direct");
    }

    @Test
    void aSendThatFailsClosesTheSocketWith1011SoTheClientReconnectsInsteadOfWaiting() {
        SessionOutbox outbox = script.outbox(10, new RealtimeStats());
        outbox.send("a");
        outbox.send("b");
        script.fail(new IllegalStateException("the container could not write"));
        assertEquals(CloseReason.CloseCodes.UNEXPECTED_CONDITION, script.closed.getCloseCode());
        outbox.send("c");
        assertEquals(List.of("a"), script.written, "nothing is sent after a failed frame: it would leave a gap");
    }

    @Test
    void aSendThatThrowsClosesTheSocketWith1011() {
        script.refuse = new IllegalStateException("the socket is in a state that refuses frames");
        SessionOutbox outbox = script.outbox(10, new RealtimeStats());
        outbox.send("a");
        assertEquals(CloseReason.CloseCodes.UNEXPECTED_CONDITION, script.closed.getCloseCode());
    }
}
