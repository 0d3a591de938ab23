package io.indobase.realtime.transport;

import io.indobase.realtime.frame.Frames;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Liveness of the node's sockets, one sweep for all of them: a socket that sent nothing (no message, no pong) for
 * {@code realtime.heartbeat.ping-interval-ms} gets a WebSocket ping; one silent for
 * {@code realtime.heartbeat.idle-timeout-ms} gets {@code error} 4408 and a close with 4408; one whose frame in
 * flight the client has not taken within {@code realtime.transport.send-timeout-ms} is a slow consumer (1013). When
 * the application stops, new sockets are refused and open ones are closed with 1001 after what is queued for them,
 * within {@code realtime.shutdown.timeout-ms}.
 */
@ApplicationScoped
public class Heartbeat {

    /** The close code (and error code) of a socket that stayed silent past the idle timeout. */
    public static final int IDLE = 4408;
    static final String IDLE_MESSAGE = "Idle timeout: nothing received from the client in time";
    static final CloseReason GOING_AWAY = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "Server shutting down");
    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

    private final Map<Session, Beat> beats = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private ScheduledFuture<?> sweeper;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "realtime.heartbeat.ping-interval-ms")
    long pingMillis = 25_000;

    @Inject
    @ConfigProperty(name = "realtime.heartbeat.idle-timeout-ms")
    long idleMillis = 70_000;

    @Inject
    @ConfigProperty(name = "realtime.transport.send-timeout-ms")
    long sendTimeoutMillis = 30_000;

    @Inject
    @ConfigProperty(name = "realtime.shutdown.timeout-ms")
    long shutdownMillis = 5_000;

    private static final class Beat {
        final SessionOutbox outbox;
        volatile long heard;
        volatile long pinged;
        volatile boolean closing;

        Beat(SessionOutbox outbox, long now) {
            this.outbox = outbox;
            this.heard = now;
            this.pinged = now;
        }
    }

    /** @return false when the application is stopping: the caller closes the socket with 1001 */
    boolean track(Session session, SessionOutbox outbox) {
        if (stopping) {
            return false;
        }
        beats.put(session, new Beat(outbox, System.nanoTime()));
        startSweeping();
        return true;
    }

    /** Anything from the client (a message or a pong) counts as a sign of life. */
    void heard(Session session) {
        Beat beat = beats.get(session);
        if (beat != null) {
            beat.heard = System.nanoTime();
        }
    }

    void forget(Session session) {
        beats.remove(session);
    }

    int tracked() {
        return beats.size();
    }

    /** One pass over every socket at {@code now} ({@link System#nanoTime()}). */
    void sweep(long now) {
        beats.forEach((session, beat) -> {
            long stalled = beat.outbox.stalledSince();
            if (stalled != 0 && now - stalled > TimeUnit.MILLISECONDS.toNanos(sendTimeoutMillis)) {
                beats.remove(session);
                beat.outbox.abandon();
            } else if (!beat.closing && now - beat.heard > TimeUnit.MILLISECONDS.toNanos(idleMillis)) {
                // stays tracked: if the frame in flight never goes out, the send timeout above still cuts it off
                beat.closing = true;
                LOG.log(Level.FINE, "RT-TRN-005 session {0} idle past {1} ms; closing it with 4408", new Object[]{session.getId(), idleMillis});
                beat.outbox.sendThenClose(Frames.error(IDLE, IDLE_MESSAGE), new CloseReason(CloseReason.CloseCodes.getCloseCode(IDLE), IDLE_MESSAGE));
            } else if (!beat.closing && now - Math.max(beat.heard, beat.pinged) > TimeUnit.MILLISECONDS.toNanos(pingMillis)) {
                beat.pinged = now;
                beat.outbox.ping(); // behind the frames queued before it, through the frames' own write path
            }
        });
    }

    private synchronized void startSweeping() {
        if (sweeper == null && scheduler != null && !stopping) {
            long period = Math.max(50, Math.min(5_000, Math.min(pingMillis, Math.min(idleMillis, sendTimeoutMillis)) / 4));
            sweeper = scheduler.scheduleAtFixedRate(this::sweepNow, period, period, TimeUnit.MILLISECONDS);
        }
    }

    private void sweepNow() {
        try {
            sweep(System.nanoTime());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "RT-TRN-006 heartbeat sweep failed; the next one runs as planned", e);
        }
    }

    /** Refuses new sockets, closes the open ones with 1001 after what is queued for them, and waits a bounded time. */
    @PreDestroy
    void stop() {
        stopping = true;
        synchronized (this) {
            if (sweeper != null) {
                sweeper.cancel(false);
            }
        }
        int open = beats.size();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(shutdownMillis);
        beats.values().forEach(beat -> beat.outbox.closeAfterQueued(GOING_AWAY));
        while (!beats.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        beats.values().forEach(beat -> beat.outbox.close(GOING_AWAY));
        LOG.log(Level.INFO, "RT-TRN-007 stopping: closed {0} sockets with 1001 ({1} had to be cut off)", new Object[]{open, beats.size()});
        beats.clear();
    }
}
