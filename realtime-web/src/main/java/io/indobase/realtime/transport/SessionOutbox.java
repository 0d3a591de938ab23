package io.indobase.realtime.transport;

import io.indobase.realtime.frame.Frames;
import io.indobase.realtime.monitoring.RealtimeStats;
import io.indobase.realtime.subscription.Recipient;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A session's bounded, ordered outbox: frames are queued by any thread and sent asynchronously, one in flight at a
 * time, so a slow client never blocks the thread that delivers events. A client that lets the queue fill up is
 * closed with 1013; frames queued for it are dropped, nobody else is affected.
 */
final class SessionOutbox implements Recipient {

    static final CloseReason.CloseCode TRY_AGAIN_LATER = CloseReason.CloseCodes.TRY_AGAIN_LATER;
    private static final Logger LOG = Logger.getLogger(SessionOutbox.class.getName());

    private final Session session;
    private final int capacity;
    private final RealtimeStats stats;
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile boolean closed;

    SessionOutbox(Session session, int capacity, RealtimeStats stats) {
        this.session = session;
        this.capacity = capacity;
        this.stats = stats;
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

    private record Closing(String frame, CloseReason reason) {
    }

    private void enqueue(Object item) {
        if (closed) {
            return;
        }
        if (queued.incrementAndGet() > capacity) {
            overflow();
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
        try {
            session.getAsyncRemote().sendText(frame, result -> {
                onSent(result);
                sending.set(false);
                if (!phase.compareAndSet(0, 1)) {
                    drain();
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "RT-TRN-002 send failed on session " + session.getId(), e);
            closed = true;
            return false;
        }
        return !phase.compareAndSet(0, 2);
    }

    private void onSent(SendResult result) {
        if (!result.isOK()) {
            LOG.log(Level.FINE, "RT-TRN-002 send failed on session " + session.getId(), result.getException());
            closed = true;
        }
    }

    /** The last frame, then the close; nothing after it is ever sent. */
    private void finish(Closing closing) {
        closed = true;
        try {
            session.getAsyncRemote().sendText(closing.frame(), result -> close(closing.reason()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "RT-TRN-002 send failed on session " + session.getId(), e);
            close(closing.reason());
        }
    }

    private void overflow() {
        closed = true;
        stats.dropped(RealtimeStats.Drop.SLOW_CONSUMER, queue.size() + 1L);
        queue.clear();
        LOG.log(Level.WARNING, "RT-TRN-003 session {0} fell {1} frames behind; closing it with 1013", new Object[]{session.getId(), capacity});
        close(new CloseReason(TRY_AGAIN_LATER, "Too slow: outbox full"));
    }

    private void close(CloseReason reason) {
        closed = true;
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "RT-TRN-004 close failed on session " + session.getId(), e);
        }
    }
}
