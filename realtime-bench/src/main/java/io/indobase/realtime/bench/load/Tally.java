package io.indobase.realtime.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What the subscribers of one generator process received since the last reset: counts for correctness (delivered,
 * unauthorised, out of order, stale, cut off), publish-to-receive latency in microseconds, and the last receive
 * time of each message (the fan-out's completion, merged across processes by the suite). Engine thread only.
 */
final class Tally {

    long delivered;
    long unauthorised;
    long disorder;
    long stale;
    long cutOff;
    final Histogram latency = new Histogram(120_000_000L, 3);
    private long base;
    private long[] last = new long[0];

    void reset(long seqBase, int messages) {
        delivered = unauthorised = disorder = stale = cutOff = 0;
        latency.reset();
        base = seqBase;
        last = new long[Math.max(messages, 0)];
    }

    void record(Subscriber subscriber, byte[] a, int from, int to, long now) {
        long seq = Markers.find(a, from, to, Markers.SEQ);
        if (seq < 0) {
            return; // not an event of the harness (a response, a receipt, a pong)
        }
        long sent = Markers.find(a, from, to, Markers.TIME);
        long readable = Markers.find(a, from, to, Markers.TEAMS);
        if (seq < base || seq - base >= last.length) {
            stale++;
            return;
        }
        delivered++;
        if (subscriber.team >= 0 && readable >= 0 && subscriber.team >= readable) {
            unauthorised++;
        }
        if (seq <= subscriber.lastSeq) {
            disorder++;
        }
        subscriber.lastSeq = seq;
        latency.recordValue(Math.max(0, Math.min((now - sent) / 1000, latency.getHighestTrackableValue())));
        int slot = (int) (seq - base);
        if (now > last[slot]) {
            last[slot] = now;
        }
    }

    /** One line: the counts and latency percentiles (µs). */
    String summary() {
        return "delivered=" + delivered + " unauthorised=" + unauthorised + " disorder=" + disorder + " stale=" + stale
                + " cutoff=" + cutOff + " count=" + latency.getTotalCount()
                + " p50=" + latency.getValueAtPercentile(50) + " p90=" + latency.getValueAtPercentile(90)
                + " p99=" + latency.getValueAtPercentile(99) + " p999=" + latency.getValueAtPercentile(99.9)
                + " max=" + latency.getMaxValue();
    }

    /** The latency histogram, compressed and in Base64, for the suite to merge across processes. */
    String encodedLatency() {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(latency.getNeededByteBufferCapacity());
        int length = latency.encodeIntoCompressedByteBuffer(buffer);
        return java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    /** {@code offset:nanos} for every message that reached this process. */
    String lastReceived() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < last.length; i++) {
            if (last[i] != 0) {
                line.append(line.length() == 0 ? "" : ",").append(i).append(':').append(last[i]);
            }
        }
        return line.toString();
    }
}
