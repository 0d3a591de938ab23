package io.indobase.realtime.transport;

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
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebSocket boundary at {@code /v1/realtime}: hands each frame to the session's protocol state. One instance
 * serves every session ({@link HandshakeHeaders#getEndpointInstance}); {@link Sockets} sets sessions up.
 */
@ApplicationScoped
@ServerEndpoint(value = "/v1/realtime", configurator = HandshakeHeaders.class)
public class RealtimeEndpoint {

    private static final Logger LOG = Logger.getLogger(RealtimeEndpoint.class.getName());

    @Inject
    Sockets sockets;

    @OnOpen
    public void open(Session session) {
        sockets.open(session);
    }

    @OnMessage
    public void message(Session session, String text) {
        if (sockets.fits(session, text)) {
            sockets.heard(session).onText(text);
        }
    }

    /** Appwrite decodes a binary frame's bytes like a text frame's; bytes that are not JSON get the format error. */
    @OnMessage
    public void binary(Session session, ByteBuffer bytes) {
        if (sockets.fits(session, bytes.remaining())) {
            sockets.heard(session).onBinary(bytes);
        }
    }

    @OnMessage
    public void pong(Session session, PongMessage pong) {
        sockets.heard(session);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        sockets.closed(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        // a peer that vanishes is routine; anything else is a defect worth a warning
        Level level = error instanceof IOException ? Level.FINE : Level.WARNING;
        LOG.log(level, "RT-TRN-001 WebSocket error on session " + session.getId(), error);
    }
}
