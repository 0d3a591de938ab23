package io.indobase.realtime.monitoring;

import static io.indobase.realtime.json.JsonKit.JSON;

import io.indobase.realtime.event.BrokerUnavailableException;
import io.indobase.realtime.event.EventReceived;
import io.indobase.realtime.event.TopicPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Proves that this node's events path works end to end: it publishes a probe envelope on the events topic through
 * the {@link TopicPublisher} (the broker address the events MDB uses) and waits for the MDB to hand it back. Results
 * are kept for {@code realtime.health.probe-interval-ms}, so frequent health polls cost one probe per interval.
 */
@ApplicationScoped
public class EventPathProbe {

    private static final Logger LOG = Logger.getLogger(EventPathProbe.class.getName());

    private final String node = UUID.randomUUID().toString();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private final ReentrantLock probing = new ReentrantLock();
    private volatile boolean lastResult;
    private volatile long lastCheckMillis;

    @Inject
    TopicPublisher publisher;

    @Inject
    @ConfigProperty(name = "realtime.health.probe-timeout-ms")
    long timeoutMillis;

    @Inject
    @ConfigProperty(name = "realtime.health.probe-interval-ms")
    long intervalMillis;

    /**
     * @return whether a probe made the round trip, running one unless the last is recent enough; while another
     *         caller's probe is running (a broker that hangs connections can take the whole timeout), the last result
     */
    public boolean check() {
        if (System.currentTimeMillis() - lastCheckMillis < intervalMillis || !probing.tryLock()) {
            return lastResult;
        }
        try {
            if (System.currentTimeMillis() - lastCheckMillis >= intervalMillis) {
                lastResult = roundTrip();
                lastCheckMillis = System.currentTimeMillis();
            }
            return lastResult;
        } finally {
            probing.unlock();
        }
    }

    /** The last result, without probing. */
    public boolean lastResult() {
        return lastResult;
    }

    void onEvent(@Observes EventReceived received) {
        if (received.isProbe()) {
            CompletableFuture<Void> waiting = pending.remove(received.envelope().event());
            if (waiting != null) {
                waiting.complete(null);
            }
        }
    }

    private boolean roundTrip() {
        String event = "health." + node + "-" + sequence.incrementAndGet() + ".update";
        CompletableFuture<Void> back = new CompletableFuture<>();
        pending.put(event, back);
        try {
            publisher.publish(JSON.createObjectBuilder().add("project", EventReceived.PROBE_PROJECT).add("event", event)
                    .add("permissions", JsonValue.EMPTY_JSON_ARRAY).build());
            back.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (BrokerUnavailableException | ExecutionException e) {
            LOG.log(Level.WARNING, "RT-MON-003 health probe could not publish to the broker at {0}: {1}",
                    new Object[]{publisher.brokerAddress(), e.getMessage()});
            return false;
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "RT-MON-004 health probe published but the events consumer did not return it within {0} ms",
                    timeoutMillis);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            pending.remove(event);
        }
    }
}
