package io.indobase.realtime.limit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} acquisitions per key in each fixed window (Appwrite's time-limit: 60 seconds). Windows that
 * have ended are dropped as keys accumulate, so memory stays bounded by the keys of one window.
 */
public final class RateWindow {

    private static final int SWEEP_ABOVE = 10_000;

    private final int limit;
    private final long windowMillis;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public RateWindow(int limit, long windowMillis, LongSupplier clock) {
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    /** @return whether the key may go ahead; every call counts, refused ones too */
    public boolean tryAcquire(String key) {
        long now = clock.getAsLong();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> w.endsAt <= now);
        }
        Window window = windows.compute(key, (k, w) -> w == null || w.endsAt <= now ? new Window(now + windowMillis) : w);
        return window.count.incrementAndGet() <= limit;
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
