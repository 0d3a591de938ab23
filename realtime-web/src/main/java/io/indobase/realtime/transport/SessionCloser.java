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

    private void closeNow(CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "RT-TRN-004 close failed on session " + session.getId(), e);
        }
    }
}
