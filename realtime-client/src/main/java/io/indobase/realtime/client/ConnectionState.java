package io.indobase.realtime.client;

/** Where a {@link RealtimeClient}'s socket is. */
public enum ConnectionState {
    /** No socket yet: nothing was subscribed. */
    IDLE,
    /** The first socket is being opened. */
    CONNECTING,
    /** The server's {@code connected} frame arrived; subscriptions are (re)sent. */
    OPEN,
    /** The socket was lost; the next attempt is scheduled ({@link StateChange#retryIn()}). */
    RECONNECTING,
    /** For good: {@link RealtimeClient#close()} was called, or the server refused the client (close 1008, HTTP 401). */
    CLOSED
}
