package io.indobase.realtime.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * A fixed-bucket histogram of milliseconds, safe to record into from any thread without locks or allocation. The
 * bucket bounds suit delivery latency: 1 ms to 10 s, then everything slower.
 */
public final class LatencyHistogram {

    private static final long[] BOUNDS_MILLIS = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};

    private final LongAdder[] buckets = new LongAdder[BOUNDS_MILLIS.length + 1];
    private final LongAdder sumMillis = new LongAdder();

    public LatencyHistogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** Records {@code count} observations of the same value (negative values, from skewed clocks, count as 0). */
    public void record(long millis, long count) {
        long value = Math.max(0, millis);
        int i = 0;
        while (i < BOUNDS_MILLIS.length && value > BOUNDS_MILLIS[i]) {
            i++;
        }
        buckets[i].add(count);
        sumMillis.add(value * count);
    }

    /** The upper bounds of the finite buckets, in milliseconds. */
    public static long[] boundsMillis() {
        return BOUNDS_MILLIS.clone();
    }

    /** Observations at or below each bound, then the total (Prometheus' cumulative {@code le} buckets). */
    public long[] cumulativeCounts() {
        long[] counts = new long[buckets.length];
        long running = 0;
        for (int i = 0; i < buckets.length; i++) {
            running += buckets[i].sum();
            counts[i] = running;
        }
        return counts;
    }

    public long count() {
        long total = 0;
        for (LongAdder bucket : buckets) {
            total += bucket.sum();
        }
        return total;
    }

    public long sumMillis() {
        return sumMillis.sum();
    }

    /**
     * The bound of the bucket holding the given quantile, an upper estimate; {@code Long.MAX_VALUE} when it falls
     * beyond the last bound and 0 when nothing was recorded.
     */
    public long quantileUpperBoundMillis(double quantile) {
        long[] cumulative = cumulativeCounts();
        long total = cumulative[cumulative.length - 1];
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * total);
        for (int i = 0; i < BOUNDS_MILLIS.length; i++) {
            if (cumulative[i] >= rank) {
                return BOUNDS_MILLIS[i];
            }
        }
        return Long.MAX_VALUE;
    }
}
