package io.indobase.realtime.limit;

import java.util.function.LongSupplier;

/** One connection's inbound message budget: at most {@code limit} messages per fixed window, counted before parsing. */
public final class MessageBudget {

    private final int limit;
    private final long windowMillis;
    private final LongSupplier clock;
    private long endsAt;
    private int count;

    public MessageBudget(int limit, long windowMillis, LongSupplier clock) {
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.clock = clock;
    }

    public synchronized boolean tryAcquire() {
        long now = clock.getAsLong();
        if (now >= endsAt) {
            endsAt = now + windowMillis;
            count = 0;
        }
        return ++count <= limit;
    }
}
