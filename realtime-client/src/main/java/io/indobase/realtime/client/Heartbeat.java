package io.indobase.realtime.client;

import java.time.Duration;
import java.util.Objects;

/**
 * The client's liveness check: a {@code ping} every {@code interval}; a socket from which nothing (no {@code pong},
 * no event) arrived within {@code timeout} of a ping is dropped and the client reconnects. Pings count towards the
 * server's messages-per-minute limit (32 by default), so keep the interval above two seconds.
 */
public record Heartbeat(Duration interval, Duration timeout) {

    /** A ping every 20 s, as the Appwrite SDKs send them; 10 s for an answer. */
    public static final Heartbeat DEFAULT = new Heartbeat(Duration.ofSeconds(20), Duration.ofSeconds(10));

    public Heartbeat {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()
                || timeout.compareTo(interval) > 0) {
            throw new IllegalArgumentException("need 0 < timeout <= interval, got " + timeout + " and " + interval);
        }
    }
}
