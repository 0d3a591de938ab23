package io.indobase.realtime.replay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The events this node received during the last {@code realtime.replay.retention-ms}, at most
 * {@code realtime.replay.max-events} of them and {@code realtime.replay.max-bytes} of memory, in the order it
 * received them. Not thread-safe: the registry calls it only under its delivery lock.
 */
@ApplicationScoped
public class ReplayWindow {

    @Inject
    @ConfigProperty(name = "realtime.replay.retention-ms")
    long retentionMillis = 120_000;

    @Inject
    @ConfigProperty(name = "realtime.replay.max-events")
    int maxEvents = 50_000;

    @Inject
    @ConfigProperty(name = "realtime.replay.max-bytes")
    long maxBytes = 64L * 1024 * 1024;

    private final ArrayDeque<Recorded> entries = new ArrayDeque<>();
    /** Each id's position: the number of entries appended before it. */
    private final Map<String, Long> positions = new HashMap<>();
    private final String localPrefix = "local:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private final AtomicLong localIds = new AtomicLong();
    private long appended;
    private long bytes;
    /** What monitoring reads, from other threads. */
    private volatile int heldEvents;
    private volatile long oldestHeldMillis = -1;
    LongSupplier clock = System::currentTimeMillis;

    public ReplayWindow() {
    }

    ReplayWindow(long retentionMillis, int maxEvents, long maxBytes, LongSupplier clock) {
        this.retentionMillis = retentionMillis;
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** An id for an event whose message had none; it is known to this node only, so it resumes only here. */
    public String localId() {
        return localPrefix + localIds.incrementAndGet();
    }

    public long now() {
        return clock.getAsLong();
    }

    /** Appends the event and evicts what the limits no longer allow; an id seen before is not appended again. */
    public boolean append(Recorded event) {
        if (positions.containsKey(event.id())) {
            return false;
        }
        entries.addLast(event);
        positions.put(event.id(), appended++);
        bytes += event.bytes();
        evict(event.receivedMillis());
        return true;
    }

    /**
     * @return the events received after the one with that id, oldest first; empty when that id is not in the window
     *         (never seen, evicted, or older than the retention), so continuity cannot be proven
     */
    public Optional<List<Recorded>> after(String id) {
        evict(clock.getAsLong());
        Long position = positions.get(id);
        if (position == null) {
            return Optional.empty();
        }
        long first = appended - entries.size();
        List<Recorded> later = new ArrayList<>((int) (appended - position - 1));
        Iterator<Recorded> it = entries.iterator();
        for (long p = first; it.hasNext(); p++) {
            Recorded event = it.next();
            if (p > position) {
                later.add(event);
            }
        }
        return Optional.of(later);
    }

    public int size() {
        return entries.size();
    }

    public long bytes() {
        return bytes;
    }

    private void evict(long now) {
        while (!entries.isEmpty() && (entries.size() > maxEvents || bytes > maxBytes
                || entries.peekFirst().receivedMillis() < now - retentionMillis)) {
            Recorded oldest = entries.removeFirst();
            positions.remove(oldest.id());
            bytes -= oldest.bytes();
        }
        heldEvents = entries.size();
        oldestHeldMillis = entries.isEmpty() ? -1 : entries.peekFirst().receivedMillis();
    }

    /** The events held now; safe to call from any thread. */
    public int heldEvents() {
        return heldEvents;
    }

    /** How far back the window reaches now, in milliseconds (0 when empty); safe to call from any thread. */
    public long spanMillis() {
        long oldest = oldestHeldMillis;
        return oldest < 0 ? 0 : Math.max(0, clock.getAsLong() - oldest);
    }
}
