package io.indobase.realtime.transport;

import io.indobase.realtime.frame.EventFrame;
import io.indobase.realtime.frame.Frames;
import io.indobase.realtime.stats.RealtimeStats;
import io.indobase.realtime.subscription.Recipient;
import io.indobase.realtime.transport.tyrus.FrameEncoder;
import io.indobase.realtime.transport.tyrus.FrameParts;
import io.indobase.realtime.transport.tyrus.TextSender;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A session's bounded, ordered outbox: frames are queued by any thread and sent asynchronously by the socket's
 * writer thread ({@link Writers}), one write in flight at a time, so a slow client never blocks the thread that
 * delivers events. A write carries every frame queued when it starts (up to {@value #BATCH_CHARS} characters; one
 * through the standard API). Frames are shared strings, queued by reference. A client that lets more than
 * {@code capacity} frames or {@code maxChars} characters wait, or that leaves a write in flight past the heartbeat's
 * send timeout ({@link #stalledSince}), is a slow consumer: its queued frames are dropped, it gets an {@code error}
 * 1013 after the write in flight, and the session is closed with 1013. Nobody else is affected.
 */
final class SessionOutbox implements Recipient {

    static final CloseReason.CloseCode TRY_AGAIN_LATER = CloseReason.CloseCodes.TRY_AGAIN_LATER;
    private static final Logger LOG = Logger.getLogger(SessionOutbox.class.getName());

    static final String TOO_SLOW = "Too slow: the client did not read its frames in time";
    /** The most characters one write carries; the frames behind go in the next. */
    static final int BATCH_CHARS = 65_536;

    private final Session session;
    private final TextSender sender;
    /** Null: frames are written by whoever queues them (tests); so they are when the writer stops taking work. */
    private final OutboxWriter writer;
    private final int capacity;
    private final long maxChars;
    private final RealtimeStats stats;
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong queuedChars = new AtomicLong();
    /** A write in flight, or a thread collecting the next: whoever sets it is the only one to poll the queue. */
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean(); // handed to the writer, not yet taken up by it
    /** The frames of the next write, and a close polled behind them; touched only while holding {@link #sending}. */
    private final List<Object> batch = new ArrayList<>();
    private Closing held;
    private volatile long inFlightSince; // System.nanoTime() when the write in flight began, 0 when none is
    private volatile boolean closed;
    private volatile boolean slow; // cut off as a slow consumer: frames queued or collected now are dropped
    private final SessionCloser closer;

    SessionOutbox(Session session, TextSender sender, OutboxWriter writer, int capacity, long maxChars,
                  RealtimeStats stats) {
        this.session = session;
        this.sender = sender;
        this.writer = writer;
        this.capacity = capacity;
        this.maxChars = maxChars;
        this.stats = stats;
        this.closer = new SessionCloser(session);
    }

    int capacity() {
        return capacity;
    }

    long maxChars() {
        return maxChars;
    }

    int queuedFrames() {
        return queued.get();
    }

    long queuedChars() {
        return queuedChars.get();
    }

    /** @return when the frame in flight was handed over ({@link System#nanoTime()}), or 0 when none is in flight */
    long stalledSince() {
        return inFlightSince;
    }

    @Override
    public void send(String frame) {
        enqueue(frame);
    }

    /** An event frame's head and this socket's tail: the writer encodes the head once for every socket. */
    @Override
    public void send(EventFrame head, String tail) {
        enqueue(new FrameParts(head, tail));
    }

    /** Policy violation: the Appwrite SDKs do not reconnect after 1008, which is what an operator's kick wants. */
    @Override
    public void disconnect(String reason) {
        sendThenClose(Frames.error(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), reason),
                new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
    }

    /**
     * The frame, then the close, after everything queued before: one item, so nothing queued meanwhile comes between
     * them (the legacy SDKs decide whether to reconnect from the last message they saw before the close).
     */
    void sendThenClose(String frame, CloseReason reason) {
        enqueue(new Closing(frame, reason));
    }

    /** A WebSocket ping, after the frames queued before it (the heartbeat's; it always fits, like a close). */
    void ping() {
        enqueue(TextSender.PING);
    }

    /** Closes the session after the frames queued before, with no frame of its own (a server shutting down). */
    void closeAfterQueued(CloseReason reason) {
        enqueue(new Closing(null, reason));
    }

    private record Closing(String frame, CloseReason reason) {
    }

    private void enqueue(Object item) {
        if (closed) {
            return;
        }
        long chars = FrameParts.charsOf(item);
        int frames = queued.incrementAndGet();
        // one frame always fits, however large: a big event must not cut off every client; a close (a kick, an
        // expiry, an idle timeout) always fits too, so it keeps its own code instead of becoming a 1013
        boolean fits = item instanceof Closing || item == TextSender.PING;
        long total = queuedChars.addAndGet(chars);
        if (!fits && (frames > capacity || total > maxChars && frames > 1)) {
            slowConsumer(1, "fell " + queued.get() + " frames (" + queuedChars.get() + " characters) behind");
            return;
        }
        queue.add(item);
        ready();
    }

    /** Frames wait: the writer is told, or with none the caller writes them; a write in flight goes on by itself. */
    private void ready() {
        if (sending.get()) {
            return;
        }
        if (writer == null || scheduled.compareAndSet(false, true) && !writer.submit(this)) {
            scheduled.set(false);
            drain(new FrameEncoder());
        }
    }

    /** The writer's turn: what is queued goes out, with the writer's encoder. */
    void writeReady(FrameEncoder encoder) {
        scheduled.set(false);
        drain(encoder);
    }

    private void drain(FrameEncoder encoder) {
        while (sending.compareAndSet(false, true)) {
            Closing closing = held;
            held = null;
            if (closing == null) {
                closing = collect();
                if (!batch.isEmpty()) {
                    held = closing; // after the frames queued before it
                    if (!sendAsync(encoder)) {
                        return;
                    }
                    continue;
                }
            }
            if (closing != null) {
                finish(closing, encoder);
                return;
            }
            sending.set(false);
            if (queue.isEmpty()) {
                return;
            }
        }
    }

    /** Polls the next write's frames into {@link #batch}; @return a close met on the way (it goes after them) */
    private Closing collect() {
        batch.clear();
        int max = sender.maxBatch();
        long chars = 0;
        while (batch.size() < max && chars < BATCH_CHARS) {
            Object next = queue.poll();
            if (next == null) {
                return null;
            }
            queued.decrementAndGet();
            if (next instanceof Closing closing) {
                return closing;
            }
            if (slow) { // polled after the cut began: a frame after the dropped ones would leave a gap
                stats.dropped(RealtimeStats.Drop.SLOW_CONSUMER, 1);
                continue;
            }
            long length = FrameParts.charsOf(next);
            queuedChars.addAndGet(-length);
            chars += length;
            batch.add(next);
        }
        return null;
    }

    /** @return true when the write completed inline and the loop may go on with the next one */
    private boolean sendAsync(FrameEncoder encoder) {
        AtomicInteger phase = new AtomicInteger(); // 0 sending, 1 completed inline, 2 send() returned first
        inFlightSince = System.nanoTime() | 1;
        try {
            sender.send(batch, encoder, result -> {
                inFlightSince = 0;
                if (!result.isOK()) {
                    sendFailed(result.getException()); // and nothing after it: that would leave a gap
                    return;
                }
                sending.set(false);
                if (!phase.compareAndSet(0, 1)) {
                    ready();
                }
            });
        } catch (RuntimeException e) {
            sendFailed(e);
            return false;
        }
        return !phase.compareAndSet(0, 2);
    }

    /** Nothing more can go in order: closed (1011), the client resumes elsewhere instead of waiting on a mute socket. */
    private void sendFailed(Throwable failure) {
        closed = true;
        inFlightSince = 0;
        closer.failed(failure);
    }

    /** The last frame, then the close; nothing after it is ever sent. */
    private void finish(Closing closing, FrameEncoder encoder) {
        closed = true;
        if (closing.frame() == null) {
            close(closing.reason());
            return;
        }
        inFlightSince = System.nanoTime() | 1;
        try {
            sender.send(List.of(closing.frame()), encoder, result -> close(closing.reason()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "RT-TRN-002 send failed on session " + session.getId(), e);
            close(closing.reason());
        }
    }

    /** Drops what is queued; the error and the close follow the write in flight ({@link #abandon}: never taken). */
    private void slowConsumer(int refused, String why) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            slow = true;
        }
        int dropped = refused;
        for (Object item = queue.poll(); item != null; item = queue.poll()) {
            dropped += FrameParts.charsOf(item) > 0 ? 1 : 0;
        }
        stats.dropped(RealtimeStats.Drop.SLOW_CONSUMER, dropped);
        LOG.log(Level.WARNING, "RT-TRN-003 session {0} {1}; closing it with 1013", new Object[]{session.getId(), why});
        queue.add(new Closing(Frames.error(TRY_AGAIN_LATER.getCode(), TOO_SLOW), new CloseReason(TRY_AGAIN_LATER, TOO_SLOW)));
        ready();
    }

    /** The client has not taken the frame in flight for too long: close without waiting for it. */
    void abandon() {
        slowConsumer(0, "did not take a frame within the send timeout");
        close(new CloseReason(TRY_AGAIN_LATER, TOO_SLOW));
    }

    void close(CloseReason reason) {
        closed = true;
        closer.close(reason);
    }

    /** While the socket opens, closes run on {@code deferral} ({@link SessionCloser}); null: at once again. */
    void deferCloses(Executor deferral) {
        closer.defer(deferral);
    }
}
