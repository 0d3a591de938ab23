package io.indobase.realtime.limit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} acquisitions per key in each fixed window (Appwrite's time-limit: 60 seconds). Windows that
 * have ended are dropped as keys accumulate (at most once a second), and the number of live keys is capped, so
 * memory stays bounded whatever addresses an attacker uses.
 */
public final class RateWindow {

    private static final int SWEEP_ABOVE = 10_000;
    /** Beyond this many live keys a new key is refused: an attacker rotating addresses cannot grow the map further. */
    private static final int MAX_KEYS = 100_000;

    private final int limit;
    private final long windowMillis;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();

    public RateWindow(int limit, long windowMillis, LongSupplier clock) {
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    /** @return whether the key may go ahead; every call counts, refused ones too */
    public boolean tryAcquire(String key) {
        long now = sweep();
        if (windows.size() >= MAX_KEYS && !windows.containsKey(key)) {
            return false;
        }
        Window window = windows.compute(key, (k, w) -> w == null || w.endsAt <= now ? new Window(now + windowMillis) : w);
        return window.count.incrementAndGet() <= limit;
    }

    /** @return whether the key has used up its window, without counting this call */
    public boolean exhausted(String key) {
        long now = sweep();
        Window window = windows.get(key);
        return window != null && window.endsAt > now && window.count.get() >= limit;
    }

    /** Drops ended windows when keys accumulate, at most once a second whatever the traffic. */
    private long sweep() {
        long now = clock.getAsLong();
        long next = nextSweep.get();
        if (windows.size() > SWEEP_ABOVE && now >= next && nextSweep.compareAndSet(next, now + 1_000)) {
            windows.values().removeIf(w -> w.endsAt <= now);
        }
        return now;
    }

    int keys() {
        return windows.size();
    }

    private static final class Window {
        final long endsAt;
        final AtomicInteger count = new AtomicInteger();

        Window(long endsAt) {
            this.endsAt = endsAt;
        }
    }
}
