package io.indobase.realtime.bench.soak;

import java.util.List;

/**
 * What one soak gave. {@code steady} subscribers are held the whole run and checked for every event of their bucket
 * and for order; the {@code rotating} ones are the set the churn closes and reopens, {@code churnPerSecond} a second.
 * Latencies in µs, CPU in % of one core over the soak window, heap in KiB.
 */
public record SoakFigures(String run, int connections, int held, int steady, int rotating, double warmUpSeconds,
                          double seconds, double rate, int buckets, int churnPerSecond, long published, long expected,
                          long delivered, long disorder, long steadyCutOff, long churnCutOff, long churnClosed,
                          long churnReopened, long churnFailed, long churnSetupP99, long everyP99, long probeP99,
                          double serverCpu, double brokerCpu, long liveHeapStart, long liveHeapEnd, String collections,
                          String heapReading, List<Sample> samples) {

    /** How "heap after GC" was read ({@code --heap full-gc}, the default, or {@code --heap after-gc}). */
    public static final String FULL_GC = "after a full collection forced at each sample (MemoryMXBean.gc over JMX): "
            + "the live heap";
    public static final String AFTER_GC = "without collecting: the heap pools' usage after the node's latest "
            + "collection, young or full (LastGcInfo over JMX), promoted garbage included";

    /** Closes and errors the churn did not cause: sockets the server or the network ended, and reopens that failed. */
    public long unexpectedDisconnects() {
        return steadyCutOff + churnCutOff + churnFailed + (connections - held);
    }

    /** Events the steady subscribers should have received and did not (negative: received more than sent). */
    public long lost() {
        return expected - delivered;
    }

    public List<Flatness> verdicts() {
        return Flatness.all(samples, seconds);
    }

    /** Every series flat, nothing lost, doubled or disordered, no unexpected disconnect. */
    public boolean passed() {
        return verdicts().stream().allMatch(Flatness::flat) && unexpectedDisconnects() == 0 && lost() == 0
                && disorder == 0;
    }
}
