package io.indobase.realtime.presence;

import java.util.concurrent.TimeUnit;

/**
 * Whether this node has heard the cluster's presences since it joined: it publishes a sync request on the topic, the
 * other nodes answer by renewing their presences at once, and once its own request has come back through the topic
 * (its consumer is up) and a grace period has passed for the answers, its directory knows every presence the others
 * hold. Until then an upsert of a presence id it does not know waits, so that an id another user holds is refused
 * here too ({@code realtime.presence.sync-grace-ms}).
 */
final class ClusterSync {

    private final long graceNanos;
    private long echoedAt = -1;
    private long requestedAt = -1;

    ClusterSync(long graceMillis) {
        this.graceNanos = TimeUnit.MILLISECONDS.toNanos(graceMillis);
    }

    /** @return whether a sync request should be published now: none yet, or the last one came back too long ago */
    synchronized boolean shouldRequest() {
        long now = System.nanoTime();
        if (echoedAt >= 0 || requestedAt >= 0 && now - requestedAt < TimeUnit.SECONDS.toNanos(1)) {
            return false;
        }
        requestedAt = now;
        return true;
    }

    /** This node's own request came back through the topic. */
    synchronized void echoed() {
        if (echoedAt < 0) {
            echoedAt = System.nanoTime();
            notifyAll();
        }
    }

    synchronized boolean synced() {
        return echoedAt >= 0 && System.nanoTime() - echoedAt >= graceNanos;
    }

    /** @return whether the node synced within the timeout */
    synchronized boolean await(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!synced()) {
            long now = System.nanoTime();
            long wait = echoedAt >= 0 ? echoedAt + graceNanos - now : deadline - now;
            if (now >= deadline) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, Math.min(wait, deadline - now)));
        }
        return true;
    }
}
