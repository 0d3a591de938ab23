package io.indobase.realtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.stats.RealtimeStats;
import io.indobase.realtime.transport.tyrus.FrameEncoder;
import io.indobase.realtime.transport.tyrus.FrameEncoderTest;
import io.indobase.realtime.transport.tyrus.TextSender;
import jakarta.websocket.CloseReason;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The outbox with raw frames and a writer the test runs by hand: what is queued before the writer's turn, or while
 * a write is in flight, goes out as one write, in order, with closes after the frames queued before them.
 */
class BatchedWritesTest {

    private final ScriptedSession script = new ScriptedSession();
    /** Each write the container was given: the texts of its frames. */
    private final List<List<String>> writes = new ArrayList<>();
    /** The writes not yet completed, oldest first; when {@code holdWrites} is false they complete at once. */
    private final List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    private boolean holdWrites;
    private final List<SessionOutbox> turns = new ArrayList<>();
    private boolean writerStopped;
    private final FrameEncoder encoder = new FrameEncoder();

    private final SessionOutbox outbox = new SessionOutbox(script.session, TextSender.raw(script.session, this::written),
            outbox -> !writerStopped && turns.add(outbox), 1000, Long.MAX_VALUE, new RealtimeStats());

    private CompletableFuture<?> written(ByteBuffer frames) {
        List<String> texts = new ArrayList<>();
        while (frames.hasRemaining()) {
            texts.add(FrameEncoderTest.next(frames));
        }
        writes.add(texts);
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (holdWrites) {
            inFlight.add(done);
        } else {
            done.complete(null);
        }
        return done;
    }

    /** The writer's turns so far, in order. */
    private void runWriter() {
        while (!turns.isEmpty()) {
            turns.remove(0).writeReady(encoder);
        }
    }

    @Test
    void framesQueuedBeforeTheWritersTurnGoOutAsOneWrite() {
        outbox.send("a");
        outbox.send("b");
        outbox.send("c");
        assertEquals(1, turns.size(), "the writer is told once");
        assertEquals(List.of(), writes, "the caller does not write");
        runWriter();
        assertEquals(List.of(List.of("a", "b", "c")), writes);
    }

    @Test
    void framesQueuedWhileAWriteIsInFlightGoTogetherOnceItCompletes() {
        holdWrites = true;
        outbox.send("a");
        runWriter();
        outbox.send("b");
        outbox.send("c");
        assertEquals(List.of(), turns, "a write in flight: its completion goes on");
        inFlight.remove(0).complete(null);
        runWriter();
        assertEquals(List.of(List.of("a"), List.of("b", "c")), writes);
        assertTrue(outbox.stalledSince() != 0, "b and c are in flight");
    }

    @Test
    void aCloseGoesAfterTheFramesQueuedBeforeItAndNothingAfterIt() {
        outbox.send("a");
        outbox.send("b");
        outbox.sendThenClose("bye", new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "kicked"));
        outbox.send("never");
        runWriter();
        assertEquals(List.of(List.of("a", "b"), List.of("bye")), writes);
        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, script.closed.getCloseCode());
    }

    @Test
    void aWriteCarriesAtMostBatchCharsAndTheRestFollows() {
        String half = "x".repeat(SessionOutbox.BATCH_CHARS / 2);
        outbox.send(half);
        outbox.send(half);
        outbox.send("tail");
        runWriter();
        assertEquals(List.of(List.of(half, half), List.of("tail")), writes);
    }

    @Test
    void aWriterThatNoLongerTakesWorkLeavesTheWriteToTheCaller() {
        writerStopped = true;
        outbox.send("a");
        assertEquals(List.of(List.of("a")), writes);
        outbox.closeAfterQueued(Heartbeat.GOING_AWAY);
        assertEquals(CloseReason.CloseCodes.GOING_AWAY, script.closed.getCloseCode());
    }

    @Test
    void aFailedWriteClosesWith1011AndSendsNothingMore() {
        holdWrites = true;
        outbox.send("a");
        runWriter();
        outbox.send("b");
        inFlight.remove(0).completeExceptionally(new IllegalStateException("the container could not write"));
        runWriter();
        assertEquals(List.of(List.of("a")), writes);
        assertEquals(CloseReason.CloseCodes.UNEXPECTED_CONDITION, script.closed.getCloseCode());
    }
}
