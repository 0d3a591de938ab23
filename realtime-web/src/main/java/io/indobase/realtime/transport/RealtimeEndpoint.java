package io.indobase.realtime.transport;

import io.indobase.realtime.monitoring.RealtimeStats;
import jakarta.enterprise.context.ApplicationScoped;
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

/**
 * The WebSocket boundary at {@code /v1/realtime}: reads the handshake, delegates frames, closes. One instance serves
 * every session ({@link HandshakeHeaders#getEndpointInstance}); a session's state lives in its user properties.
 */
@ApplicationScoped
@ServerEndpoint(value = "/v1/realtime", configurator = HandshakeHeaders.class)
public class RealtimeEndpoint {

    private static final Logger LOG = Logger.getLogger(RealtimeEndpoint.class.getName());
    private static final String STATE = RealtimeSession.class.getName();

    @Inject
    SessionServices services;

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
        session.setMaxTextMessageBufferSize(services.limits().maxFrameBytes());
        session.setMaxBinaryMessageBufferSize(services.limits().maxFrameBytes());
        // the heartbeat owns idleness: no container idle timeout, and no idle timer re-armed per frame (ADR 0009)
        if (session.getMaxIdleTimeout() != 0) {
            session.setMaxIdleTimeout(0);
        }
        NoIdleTimer.install(session);
        SessionOutbox outbox = new SessionOutbox(session, outboxFrames, outboxChars, stats);
        RealtimeSession state = new RealtimeSession(services, outbox);
        session.getUserProperties().put(STATE, state);
        if (!heartbeat.track(session, outbox)) {
            outbox.close(Heartbeat.GOING_AWAY);
            return;
        }
        Handshake handshake = HandshakeHeaders.of(session.getUserProperties());
        // as in Appwrite, the project header wins over the parameter
        String project = handshake.header("x-appwrite-project");
        state.open(project != null ? project : first(query.get("project")), query, handshake, remoteAddress(session));
    }

    @OnMessage
    public void message(Session session, String text) {
        heartbeat.heard(session);
        state(session).onText(text);
    }

    /** Appwrite decodes a binary frame's bytes like a text frame's; bytes that are not JSON get the format error. */
    @OnMessage
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

    /** Tyrus sessions know the peer's address; the WebSocket API has no method for it. */
    private static String remoteAddress(Session session) {
        try {
            Object address = session.getClass().getMethod("getRemoteAddr").invoke(session);
            return address == null ? null : address.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
