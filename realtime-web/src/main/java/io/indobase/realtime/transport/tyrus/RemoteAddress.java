package io.indobase.realtime.transport.tyrus;

import jakarta.websocket.Session;

/**
 * The peer's IP address of a session. The WebSocket API has no method for it; Tyrus's sessions have
 * {@code getRemoteAddr()}. Elsewhere the address is unknown (null), and the per-address limits then do not apply.
 */
public final class RemoteAddress {

    private RemoteAddress() {
    }

    /** @return the address, or null when the container does not say */
    public static String of(Session session) {
        try {
            Object address = session.getClass().getMethod("getRemoteAddr").invoke(session);
            return address == null ? null : address.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
