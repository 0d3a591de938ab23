package io.indobase.realtime.transport;

import io.indobase.realtime.identity.ApiKeyStore;
import io.indobase.realtime.identity.GroupRoles;
import io.indobase.realtime.identity.SessionVerifier;
import io.indobase.realtime.limit.Limits;
import io.indobase.realtime.monitoring.RealtimeStats;
import io.indobase.realtime.presence.Presences;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
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
    ApiKeyStore keys;

    @Inject
    GroupRoles roles;

    @Inject
    Limits limits;

    @Inject
    RealtimeStats stats;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Presences presences;

    @Inject
    @ConfigProperty(name = "realtime.transport.outbox-frames")
    int outboxFrames;

    @OnOpen
    public void open(Session session) {
        Map<String, List<String>> query = session.getRequestParameterMap();
        session.setMaxTextMessageBufferSize(limits.maxFrameBytes());
        session.setMaxBinaryMessageBufferSize(limits.maxFrameBytes());
        RealtimeSession state = new RealtimeSession(registry, new SessionCredentials(verifier, keys, roles), limits,
                new SessionOutbox(session, outboxFrames, stats), scheduler, presences);
        session.getUserProperties().put(STATE, state);
        Handshake handshake = HandshakeHeaders.of(session.getUserProperties());
        // as in Appwrite, the project header wins over the parameter
        String project = handshake.header("x-appwrite-project");
        state.open(project != null ? project : first(query.get("project")), query, handshake, remoteAddress(session));
    }

    @OnMessage
    public void message(Session session, String text) {
        state(session).onText(text);
    }

    /** Appwrite decodes a binary frame's bytes like a text frame's; bytes that are not JSON get the format error. */
    @OnMessage
    public void binary(Session session, ByteBuffer bytes) {
        state(session).onText(StandardCharsets.UTF_8.decode(bytes).toString());
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
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
