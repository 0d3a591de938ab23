package io.indobase.realtime.client;

/**
 * The server's answer to a reconnect with {@code lastEventId}. When {@code resumed}, the {@code replayed} events that
 * follow are every event missed since {@code lastEventId}, then the live stream: nothing lost, nothing twice. When
 * not, events may have been missed (the id is outside the server's replay window, or too much was missed): refetch
 * what you show.
 */
public record Resumption(String lastEventId, boolean resumed, int replayed, String reason) {

    public Resumption {
        reason = reason == null ? "" : reason;
    }
}
