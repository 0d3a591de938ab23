package io.indobase.realtime.transport;

import io.indobase.realtime.identity.SessionVerifier;
import io.indobase.realtime.monitoring.RealtimeStats;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The WebSocket boundary at {@code /v1/realtime}: reads the handshake, delegates frames, closes. */
@ServerEndpoint(value = "/v1/realtime", configurator = HandshakeHeaders.class)
public class RealtimeEndpoint {

    private static final Logger LOG = Logger.getLogger(RealtimeEndpoint.class.getName());
    private static final String STATE = RealtimeSession.class.getName();

    @Inject
    SubscriptionRegistry registry;

    @Inject
    SessionVerifier verifier;

    @Inject
    RealtimeStats stats;

    @Inject
    Heartbeat heartbeat;

    @Inject
    @ConfigProperty(name = "realtime.transport.outbox-frames")
    int outboxFrames;

    @Inject
    @ConfigProperty(name = "realtime.transport.outbox-bytes")
    long outboxChars;

    @OnOpen
    public void open(Session session) {
        Map<String, List<String>> query = session.getRequestParameterMap();
        SessionOutbox outbox = new SessionOutbox(session, outboxFrames, outboxChars, stats);
        RealtimeSession state = new RealtimeSession(registry, verifier, outbox);
        session.getUserProperties().put(STATE, state);
        if (!heartbeat.track(session, outbox)) {
            outbox.close(Heartbeat.GOING_AWAY);
            return;
        }
        // as in Appwrite, the project header wins over the parameter
        String project = HandshakeHeaders.first(session.getUserProperties(), "x-appwrite-project");
        state.open(project != null ? project : first(query.get("project")), query);
    }

    @OnMessage(maxMessageSize = 64_000)
    public void message(Session session, String text) {
        heartbeat.heard(session);
        state(session).onText(text);
    }

    /** Appwrite decodes a binary frame's bytes like a text frame's; bytes that are not JSON get the format error. */
    @OnMessage(maxMessageSize = 64_000)
    public void binary(Session session, ByteBuffer bytes) {
        heartbeat.heard(session);
        state(session).onText(StandardCharsets.UTF_8.decode(bytes).toString());
    }

    @OnMessage
    public void pong(Session session, PongMessage pong) {
        heartbeat.heard(session);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        heartbeat.forget(session);
        state(session).close();
    }

    @OnError
    public void error(Session session, Throwable error) {
        // a peer that vanishes is routine; anything else is a defect worth a warning
        Level level = error instanceof java.io.IOException ? Level.FINE : Level.WARNING;
        LOG.log(level, "RT-TRN-001 WebSocket error on session " + session.getId(), error);
    }

    private static RealtimeSession state(Session session) {
        return (RealtimeSession) session.getUserProperties().get(STATE);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
