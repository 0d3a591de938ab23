package io.indobase.realtime.client;

import java.time.Duration;
import java.util.Objects;

/**
 * A move of the connection from one state to another.
 *
 * @param closeCode the close code that ended the previous socket (1006 when it was lost without one), 0 when none
 * @param reason    why, for {@link ConnectionState#RECONNECTING} and {@link ConnectionState#CLOSED}: the server's
 *                  error message or the failure; empty otherwise
 * @param retryIn   for {@link ConnectionState#RECONNECTING}, how long until the next attempt; {@link Duration#ZERO}
 *                  otherwise
 */
public record StateChange(ConnectionState previous, ConnectionState current, int closeCode, String reason,
                          Duration retryIn) {

    public StateChange {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        reason = reason == null ? "" : reason;
        retryIn = retryIn == null ? Duration.ZERO : retryIn;
    }
}
