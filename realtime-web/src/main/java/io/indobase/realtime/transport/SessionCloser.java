package io.indobase.realtime.transport;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes a session, later while it opens: closed inside {@code @OnOpen}, the connection goes while the container is
 * still finishing the upgrade request, which then recycles that request's objects under a later handshake (NPEs in
 * Grizzly and Catalina and a failed handshake of another client, seen in the ITs).
 */
final class SessionCloser {

    private static final Logger LOG = Logger.getLogger(SessionCloser.class.getName());
    static final CloseReason SEND_FAILED = new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION,
            "The server could not send a frame");

    private final Session session;
    private volatile Executor deferral;

    SessionCloser(Session session) {
        this.session = session;
    }

    /** From now on closes run on {@code deferral}, or at once again for null. */
    void defer(Executor deferral) {
        this.deferral = deferral;
    }

    void close(CloseReason reason) {
        Executor later = deferral;
        if (later != null) {
            later.execute(() -> closeNow(reason));
            return;
        }
        closeNow(reason);
    }

    /** A frame could not be sent: closed with 1011. A peer that went away is routine; anything else is logged. */
    void failed(Throwable failure) {
        Level level = failure instanceof IOException || failure != null && failure.getCause() instanceof IOException
                ? Level.FINE : Level.WARNING;
        LOG.log(level, "RT-TRN-002 send failed on session " + session.getId() + "; closing it with 1011", failure);
        close(SEND_FAILED);
    }

    private void closeNow(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "RT-TRN-004 close failed on session " + session.getId(), e);
        }
    }
}
