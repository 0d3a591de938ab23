package io.indobase.realtime.event;

import java.util.Objects;

/**
 * CDI event: a valid envelope arrived from the events topic on this node.
 *
 * @param envelope     the decoded envelope
 * @param receivedNanos {@link System#nanoTime()} when the boundary received it
 */
public record EventReceived(Envelope envelope, long receivedNanos) {

    public EventReceived {
        Objects.requireNonNull(envelope, "envelope");
    }
}
