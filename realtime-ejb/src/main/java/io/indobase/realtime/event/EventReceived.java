package io.indobase.realtime.event;

import java.util.Objects;

/**
 * CDI event: a valid envelope arrived from the events topic on this node.
 *
 * @param id           the event's id ({@link EventIds}), or null when the message had none
 * @param envelope     the decoded envelope
 * @param receivedNanos {@link System#nanoTime()} when the boundary received it
 */
public record EventReceived(String id, Envelope envelope, long receivedNanos) {

    /** The project of the envelopes a node publishes to check its own event path; never delivered to clients. */
    public static final String PROBE_PROJECT = "_health";
    /** The project of the nodes' presence renewals; never delivered to clients. */
    public static final String PRESENCE_PROJECT = "_presence";

    public EventReceived {
        Objects.requireNonNull(envelope, "envelope");
    }

    public EventReceived(Envelope envelope, long receivedNanos) {
        this(null, envelope, receivedNanos);
    }

    public boolean isProbe() {
        return PROBE_PROJECT.equals(envelope.project());
    }

    /** Messages between the nodes (health probes, presence renewals), not events for clients. */
    public boolean isInternal() {
        return isProbe() || PRESENCE_PROJECT.equals(envelope.project());
    }
}
