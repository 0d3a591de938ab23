package io.indobase.realtime.transport.tyrus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * When a frame goes straight into the connection's write queue and when it goes through Tyrus's writer: only while
 * that writer holds nothing of its own, the web socket is connected and the queue takes more.
 */
class DirectFramesTest {

    enum State { CONNECTED, CLOSING }

    private final Object tyrusWriter = new Object();
    private final Deque<Object> tyrusQueue = new ArrayDeque<>();
    private final AtomicReference<State> state = new AtomicReference<>(State.CONNECTED);
    private final List<String> direct = new ArrayList<>();
    private final List<String> throughTyrus = new ArrayList<>();
    private boolean canWrite = true;
    /** Direct writes the connection's queue has not finished. */
    private final List<CompletableFuture<Void>> inQueue = new ArrayList<>();

    private final DirectFrames frames = new DirectFrames(tyrusWriter, tyrusQueue, state, State.CONNECTED,
            new DirectFrames.Sink() {
                @Override
                public boolean canWrite() {
                    assertTrue(Thread.holdsLock(tyrusWriter), "decided and written under Tyrus's writer monitor");
                    return canWrite;
                }

                @Override
                public void write(ByteBuffer buffer, CompletableFuture<Void> done) {
                    assertTrue(Thread.holdsLock(tyrusWriter));
                    direct.add(text(buffer));
                    inQueue.add(done);
                }
            }, buffer -> {
                throughTyrus.add(text(buffer));
                return new CompletableFuture<>(); // Tyrus completes it once written
            });

    private static String text(ByteBuffer buffer) {
        return new String(buffer.array(), buffer.position(), buffer.remaining());
    }

    @Test
    void aConnectedSocketWithRoomTakesTheFramesDirectlyAndTheWriteIsDoneOnceTheQueueHasWrittenThem() {
        CompletableFuture<?> written = frames.write(ByteBuffer.wrap("a".getBytes()));
        assertEquals(List.of("a"), direct);
        assertEquals(List.of(), throughTyrus);
        assertTrue(!written.isDone(), "a stalled reader keeps it in the queue: the outbox waits, nothing more is copied");
        inQueue.remove(0).complete(null);
        assertTrue(written.isDone());
    }

    @Test
    void framesTyrusStillHoldsAreNotOvertaken() {
        tyrusQueue.add("a pong Tyrus could not write yet");
        CompletableFuture<?> written = frames.write(ByteBuffer.wrap("a".getBytes()));
        assertEquals(List.of("a"), throughTyrus, "behind Tyrus's own frames, and Tyrus waits for the socket");
        assertTrue(!written.isDone());
        assertEquals(List.of(), direct);
    }

    @Test
    void nothingGoesBelowTyrusOnceTheSocketIsClosing() {
        state.set(State.CLOSING);
        frames.write(ByteBuffer.wrap("a".getBytes()));
        assertEquals(List.of("a"), throughTyrus, "Tyrus decides what a closing socket still sends");
    }

    @Test
    void aFullWriteQueueLeavesTheWaitingToTyrusAndTheSocketStaysThere() {
        canWrite = false;
        frames.write(ByteBuffer.wrap("a".getBytes()));
        assertEquals(List.of("a"), throughTyrus);
        canWrite = true;
        tyrusQueue.clear();
        frames.write(ByteBuffer.wrap("b".getBytes()));
        assertEquals(List.of("a", "b"), throughTyrus, "not past what the servlet stream may still hold of a");
        assertEquals(List.of(), direct);
    }

    @Test
    void withoutTyrusInternalsTheTyrusPathIsKept() {
        TextSender.RawFrames tyrus = buffer -> new CompletableFuture<>();
        assertTrue(DirectFrames.of(new Object(), new Object(), tyrus) == tyrus);
    }
}
