package io.indobase.realtime.monitoring;

import java.util.Map;

/**
 * The node as JMX shows it, under {@code io.indobase.realtime:type=Realtime}: the same figures as the metrics, and
 * what an operator may do about a connection.
 */
public interface RealtimeMXBean {

    int getOpenConnections();

    long getSubscriptions();

    /** Open connections per project. */
    Map<String, Integer> getConnectionsByProject();

    long getEventsReceived();

    long getEventsDelivered();

    long getEventsUnmatched();

    long getFramesDelivered();

    /** Events and frames dropped, by reason ({@code MALFORMED}, {@code UNROUTABLE}, …). */
    Map<String, Long> getDropped();

    /** Upper bound of the bucket holding the median publish-to-handoff latency, in milliseconds. */
    long getDeliveryLatencyP50Millis();

    long getDeliveryLatencyP99Millis();

    /** Whether the events consumer answered the last readiness probe. */
    boolean isConsumerConnected();

    /**
     * Closes a connection (error frame, then close 1008).
     *
     * @return whether it was open
     */
    boolean disconnect(String connectionId);

    /** @return how many connections of the user were closed */
    int disconnectUser(String userId);

    /**
     * Reads {@code realtime.keys} again, so keys can be added or revoked without a restart. Sockets already open
     * with a revoked key stay open until they close (or an operator disconnects them).
     *
     * @return the number of keys now accepted
     */
    int reloadApiKeys();
}
