package io.indobase.realtime.transport;

import io.indobase.realtime.stats.RealtimeStats;
import io.indobase.realtime.transport.tyrus.NoIdleTimer;
import io.indobase.realtime.transport.tyrus.RemoteAddress;
import io.indobase.realtime.transport.tyrus.TextSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sets each WebSocket session up for the endpoint: frame caps, no container idle timer, a bounded outbox, the
 * heartbeat and the protocol state ({@link RealtimeSession}), which lives in the session's user properties.
 */
@ApplicationScoped
public class Sockets {

    private static final String STATE = RealtimeSession.class.getName();
    /** How long after {@code @OnOpen} a socket refused there is closed; its error frame goes at once. */
    static final long REFUSAL_CLOSE_DELAY_MS = 200;
    private static final Logger LOG = Logger.getLogger(Sockets.class.getName());

    @Inject
    SessionServices services;

    @Inject
    RealtimeStats stats;

    @Inject
    Heartbeat heartbeat;

    @Inject
    Writers writers;

    @Inject
    @ConfigProperty(name = "realtime.transport.outbox-frames")
    int outboxFrames;

    @Inject
    @ConfigProperty(name = "realtime.transport.outbox-bytes")
    long outboxChars;

    /** direct, tyrus or standard ({@link TextSender.Path}): the fallbacks can be chosen, for their tests. */
    @Inject
    @ConfigProperty(name = "realtime.transport.write-path")
    String writePath;

    void open(Session session) {
        session.setMaxTextMessageBufferSize(services.limits().maxFrameBytes());
        session.setMaxBinaryMessageBufferSize(services.limits().maxFrameBytes());
        // the heartbeat owns idleness: no container idle timeout, and no idle timer re-armed per frame (ADR 0009)
        if (session.getMaxIdleTimeout() != 0) {
            session.setMaxIdleTimeout(0);
        }
        NoIdleTimer.install(session);
        SessionOutbox outbox = new SessionOutbox(session, TextSender.of(session,
                TextSender.Path.valueOf(writePath.toUpperCase(Locale.ROOT))), writers.assign(), outboxFrames, outboxChars, stats);
        RealtimeSession state = new RealtimeSession(services, outbox);
        session.getUserProperties().put(STATE, state);
        // a socket refused here is closed once the container has finished the upgrade (see deferCloses)
        outbox.deferCloses(close -> services.timers().schedule(close, REFUSAL_CLOSE_DELAY_MS, TimeUnit.MILLISECONDS));
        try {
            admit(session, outbox, state);
        } finally {
            outbox.deferCloses(null);
        }
    }

    private void admit(Session session, SessionOutbox outbox, RealtimeSession state) {
        if (!heartbeat.track(session, outbox)) {
            outbox.close(Heartbeat.GOING_AWAY);
            return;
        }
        Map<String, List<String>> query = session.getRequestParameterMap();
        Handshake handshake = HandshakeHeaders.of(session.getUserProperties());
        // as in Appwrite, the project header wins over the parameter
        String project = handshake.header("x-appwrite-project");
        String client = services.limits().clientAddress(RemoteAddress.of(session), handshake.headers().get("x-forwarded-for"));
        state.open(project != null ? project : first(query.get("project")), query, handshake, client);
    }

    /**
     * Whether a text message is within {@code realtime.limits.max-frame-bytes} of UTF-8; if not, the socket is closed
     * with 1009. Tyrus applies the limit to messages it joins from fragments only, not to one frame that carries a
     * whole message.
     */
    boolean fits(Session session, String text) {
        int max = services.limits().maxFrameBytes();
        // a character is 1 to 3 bytes (a surrogate pair 4 for 2): only the band between needs the bytes counted
        return text.length() <= max / 3 || fits(session, text.length() > max ? text.length() : text.getBytes(StandardCharsets.UTF_8).length);
    }

    /** Whether a message of {@code bytes} is within the limit; if not, the socket is closed with 1009. */
    boolean fits(Session session, long bytes) {
        if (bytes <= services.limits().maxFrameBytes()) {
            return true;
        }
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.TOO_BIG, "Message too long"));
        } catch (IOException e) {
            LOG.log(Level.FINE, "RT-TRN-011 closing an oversized message's socket failed: the peer is gone", e);
        }
        return false;
    }

    /** Something arrived from the client: a message, a binary frame or a pong. */
    RealtimeSession heard(Session session) {
        heartbeat.heard(session);
        return state(session);
    }

    void closed(Session session) {
        heartbeat.forget(session);
        state(session).close();
    }

    private static RealtimeSession state(Session session) {
        return (RealtimeSession) session.getUserProperties().get(STATE);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
