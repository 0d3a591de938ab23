package io.indobase.realtime.transport;

import io.indobase.realtime.frame.Frames;
import io.indobase.realtime.stats.RealtimeStats;
import io.indobase.realtime.subscription.Recipient;
import io.indobase.realtime.transport.tyrus.TextSender;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A session's bounded, ordered outbox: frames are queued by any thread and sent asynchronously, one in flight at a
 * time, so a slow client never blocks the thread that delivers events. Frames are shared strings, queued by
 * reference. A client that lets more than {@code capacity} frames or {@code maxChars} characters wait, or that
 * leaves a frame in flight past the heartbeat's send timeout ({@link #stalledSince}), is a slow consumer: its queued
 * frames are dropped, it gets an {@code error} 1013 after the frame in flight, and the session is closed with 1013.
 * Nobody else is affected.
 */
final class SessionOutbox implements Recipient {

    static final CloseReason.CloseCode TRY_AGAIN_LATER = CloseReason.CloseCodes.TRY_AGAIN_LATER;
    private static final Logger LOG = Logger.getLogger(SessionOutbox.class.getName());

    static final String TOO_SLOW = "Too slow: the client did not read its frames in time";
    static final CloseReason SEND_FAILED = new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION,
            "The server could not send a frame");

    private final Session session;
    private final TextSender sender;
    private final int capacity;
    private final long maxChars;
    private final RealtimeStats stats;
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong queuedChars = new AtomicLong();
    private final AtomicBoolean sending = new AtomicBoolean();
    /** {@link System#nanoTime()} when the frame in flight was handed to the container, 0 when none is. */
    private volatile long inFlightSince;
    private volatile boolean closed;
    private volatile Executor closeDeferral;

    SessionOutbox(Session session, int capacity, RealtimeStats stats) {
        this(session, capacity, Long.MAX_VALUE, stats);
    }

    SessionOutbox(Session session, int capacity, long maxChars, RealtimeStats stats) {
        this.session = session;
        this.sender = TextSender.of(session);
        this.capacity = capacity;
        this.maxChars = maxChars;
        this.stats = stats;
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

    /** Policy violation: the Appwrite SDKs do not reconnect after 1008, which is what an operator's kick wants. */
    @Override
    public void disconnect(String reason) {
        sendThenClose(Frames.error(CloseReason.CloseCodes.VIOLATED_POLICY.getCode(), reason),
                new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
    }

    /**
     * Sends the frame, then closes the session with the reason, after everything queued before it. The two travel as
     * one item, so nothing queued meanwhile can come between them: the legacy SDKs decide whether to reconnect from
     * the last message they saw before the close.
     */
    void sendThenClose(String frame, CloseReason reason) {
        enqueue(new Closing(frame, reason));
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
        long chars = item instanceof String text ? text.length() : 0;
        int frames = queued.incrementAndGet();
        // one frame always fits, however large: a big event must not cut off every client; a close (a kick, an
        // expiry, an idle timeout) always fits too, so it keeps its own code instead of becoming a 1013
        boolean closing = item instanceof Closing;
        if (!closing && (frames > capacity || queuedChars.addAndGet(chars) > maxChars && frames > 1)) {
            slowConsumer(1, "fell " + queued.get() + " frames (" + queuedChars.get() + " characters) behind");
            return;
        }
        queue.add(item);
        drain();
    }

    private void drain() {
        while (sending.compareAndSet(false, true)) {
            Object next = queue.poll();
            if (next == null) {
                sending.set(false);
                if (queue.isEmpty()) {
                    return;
                }
                continue;
            }
            queued.decrementAndGet();
            if (next instanceof String text) {
                queuedChars.addAndGet(-text.length());
            }
            if (next instanceof Closing closing) {
                finish(closing);
                return;
            }
            if (!sendAsync((String) next)) {
                return;
            }
        }
    }

    /** @return true when the send completed inline and the loop may continue with the next frame */
    private boolean sendAsync(String frame) {
        AtomicInteger phase = new AtomicInteger(); // 0 sending, 1 completed inline, 2 send() returned first
        inFlightSince = System.nanoTime() | 1;
        try {
            sender.send(frame, result -> {
                inFlightSince = 0;
                if (!result.isOK()) {
                    sendFailed(result.getException()); // and nothing after it: that would leave a gap
                    return;
                }
                sending.set(false);
                if (!phase.compareAndSet(0, 1)) {
                    drain();
                }
            });
        } catch (RuntimeException e) {
            sendFailed(e);
            return false;
        }
        return !phase.compareAndSet(0, 2);
    }

    /**
     * Nothing more can be sent in order: the session is closed (1011), so the client reconnects and resumes instead
     * of waiting on an open socket that no longer delivers. A peer that went away is routine; anything else is logged.
     */
    private void sendFailed(Throwable failure) {
        closed = true;
        inFlightSince = 0;
        Level level = failure instanceof IOException || failure != null && failure.getCause() instanceof IOException
                ? Level.FINE : Level.WARNING;
        LOG.log(level, "RT-TRN-002 send failed on session " + session.getId() + "; closing it with 1011", failure);
        close(SEND_FAILED);
    }

    /** The last frame, then the close; nothing after it is ever sent. */
    private void finish(Closing closing) {
        closed = true;
        if (closing.frame() == null) {
            close(closing.reason());
            return;
        }
        inFlightSince = System.nanoTime() | 1;
        try {
            sender.send(closing.frame(), result -> close(closing.reason()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "RT-TRN-002 send failed on session " + session.getId(), e);
            close(closing.reason());
        }
    }

    /**
     * Drops what is queued; the error frame and the close follow the frame in flight, or go at once when none is.
     * A client that never takes the frame in flight is closed by {@link #abandon} (the heartbeat's send timeout).
     */
    private void slowConsumer(int refused, String why) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        int dropped = refused;
        for (Object item = queue.poll(); item != null; item = queue.poll()) {
            dropped += item instanceof String ? 1 : 0;
        }
        stats.dropped(RealtimeStats.Drop.SLOW_CONSUMER, dropped);
        LOG.log(Level.WARNING, "RT-TRN-003 session {0} {1}; closing it with 1013", new Object[]{session.getId(), why});
        queue.add(new Closing(Frames.error(TRY_AGAIN_LATER.getCode(), TOO_SLOW), new CloseReason(TRY_AGAIN_LATER, TOO_SLOW)));
        drain();
    }

    /** The client has not taken the frame in flight for too long: close without waiting for it. */
    void abandon() {
        slowConsumer(0, "did not take a frame within the send timeout");
        close(new CloseReason(TRY_AGAIN_LATER, TOO_SLOW));
    }

    void close(CloseReason reason) {
        closed = true;
        Executor deferral = closeDeferral;
        if (deferral != null) {
            deferral.execute(() -> closeNow(reason));
            return;
        }
        closeNow(reason);
    }

    /**
     * While the socket opens ({@code @OnOpen}), a close runs on {@code deferral} instead, or right away again for
     * null: closed inside {@code @OnOpen}, the connection goes while the container is still finishing the upgrade
     * request, which then recycles that request's objects under a later handshake (NPEs in Grizzly and Catalina and
     * a failed handshake of another client, seen in the ITs).
     */
    void deferCloses(Executor deferral) {
        closeDeferral = deferral;
    }

    private void closeNow(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "RT-TRN-004 close failed on session " + session.getId(), e);
        }
    }
}
