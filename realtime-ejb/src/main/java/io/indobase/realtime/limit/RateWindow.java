package io.indobase.realtime.limit;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At most {@code limit} acquisitions per key in each fixed window (Appwrite's time-limit: 60 seconds), for at most
 * {@value #CAPACITY} keys. A new key is never refused for want of room: the table forgets the key idle the longest
 * (dropping windows that have ended as it goes), so an attacker rotating addresses can neither lock everyone out nor
 * stop the counting; the most it can do is make the table forget an address left idle for a while
 * ({@code RT-SEC-011} says when that happens).
 */
public final class RateWindow {

    static final int CAPACITY = 100_000;
    private static final Logger LOG = Logger.getLogger(RateWindow.class.getName());

    private final int limit;
    private final long windowMillis;
    private final LongSupplier clock;
    private final int capacity;
    /** In access order: the head is the key idle the longest. */
    private final LinkedHashMap<String, Window> windows = new LinkedHashMap<>(1024, 0.75f, true);
    private long evicted;
    private long warnedAt = Long.MIN_VALUE;

    public RateWindow(int limit, long windowMillis, LongSupplier clock) {
        this(limit, windowMillis, clock, CAPACITY);
    }

    RateWindow(int limit, long windowMillis, LongSupplier clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a rate window needs room for one key");
        }
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.clock = clock;
        this.capacity = capacity;
    }

    /** @return whether the key may go ahead; every call counts, refused ones too */
    public synchronized boolean tryAcquire(String key) {
        long now = clock.getAsLong();
        Window window = windows.get(key);
        if (window == null) {
            makeRoom(now);
            window = new Window(now + windowMillis);
            windows.put(key, window);
        } else if (window.endsAt <= now) {
            window.restart(now + windowMillis);
        }
        if (window.count < Integer.MAX_VALUE) {
            window.count++;
        }
        return window.count <= limit;
    }

    /** @return whether the key has used up its window, without counting this call */
    public synchronized boolean exhausted(String key) {
        Window window = windows.get(key);
        return window != null && window.endsAt > clock.getAsLong() && window.count >= limit;
    }

    private void makeRoom(long now) {
        Iterator<Window> idlest = windows.values().iterator();
        while (idlest.hasNext() && idlest.next().endsAt <= now) {
            idlest.remove();
        }
        if (windows.size() >= capacity) {
            Iterator<Window> head = windows.values().iterator();
            head.next();
            head.remove();
            evicted++;
            if (now - warnedAt >= windowMillis) {
                warnedAt = now;
                LOG.log(Level.WARNING, "RT-SEC-011 more than {0} client addresses within one window: the idlest are "
                        + "forgotten ({1} so far); many addresses are rotating, or realtime.security.trusted-proxies "
                        + "is missing a proxy", new Object[]{capacity, evicted});
            }
        }
    }

    synchronized int keys() {
        return windows.size();
    }

    /** Keys forgotten while their window was still running, to make room for new ones. */
    synchronized long evicted() {
        return evicted;
    }

    private static final class Window {
        long endsAt;
        int count;

        Window(long endsAt) {
            this.endsAt = endsAt;
        }

        void restart(long endsAt) {
            this.endsAt = endsAt;
            this.count = 0;
        }
    }
}
