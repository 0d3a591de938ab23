package io.indobase.realtime.subscription;

import io.indobase.realtime.stats.RealtimeStats;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A subscription whose queries could not be evaluated on an event's payload: that match is skipped and counted
 * ({@code realtime_dropped{reason=QUERY_FAILED}}), every other recipient still gets the event. Logged as RT-SUB-002,
 * at most once a second at WARNING (a bad payload may fail for thousands of subscriptions), the rest at FINE.
 */
final class MatchFailures {

    private static final Logger LOG = Logger.getLogger(MatchFailures.class.getName());
    private static final long WARN_EVERY_MILLIS = 1_000;

    private final RealtimeStats stats;
    private final AtomicLong nextWarning = new AtomicLong();

    MatchFailures(RealtimeStats stats) {
        this.stats = stats;
    }

    void failed(Connection connection, String subscriptionId, String eventId, RuntimeException e) {
        stats.dropped(RealtimeStats.Drop.QUERY_FAILED, 1);
        long now = System.currentTimeMillis();
        long next = nextWarning.get();
        Level level = now >= next && nextWarning.compareAndSet(next, now + WARN_EVERY_MILLIS) ? Level.WARNING : Level.FINE;
        if (LOG.isLoggable(level)) {
            LOG.log(level, "RT-SUB-002 the queries of subscription " + subscriptionId + " of connection " + connection.id()
                    + " could not be evaluated on event " + eventId + "; that match is skipped (" + e + ")", e);
        }
    }
}
