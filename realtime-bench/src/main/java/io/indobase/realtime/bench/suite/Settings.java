package io.indobase.realtime.bench.suite;

import java.util.List;

/**
 * The shape of a run: the full suite, or the one-minute smoke CI runs (never gating on times). {@code scaleOut} is
 * SC's population: on one node, or through nginx onto two.
 */
record Settings(int rounds, List<Integer> sizes, List<Integer> fanoutSizes, int bigSize, int throughputSize,
                double seconds, double hold, double warmUp, List<Integer> stepRates, List<Integer> churnRates,
                List<Integer> stallPercents, List<Integer> readablePercents, int scaleOut) {

    /**
     * S3 steps at 1k subscribers: with one core, one event's fan-out to 10k takes longer than S3's 100 ms for every
     * target here (nchan included), so a rate ladder at 10k would measure nothing.
     */
    static Settings full(int rounds) {
        return new Settings(rounds, List.of(100, 1000, 5000, 10000, 19000), List.of(100, 1000, 10000, 19000), 10000, 1000,
                3, 2, 30, List.of(10, 20, 40, 60, 80, 120, 160), List.of(100, 500), List.of(10), List.of(1, 10, 100), 18000);
    }

    static Settings smoke() {
        return new Settings(1, List.of(100, 500), List.of(100, 500), 500, 500, 2, 1, 3, List.of(20), List.of(50),
                List.of(10), List.of(10, 100), 500);
    }

    /**
     * The populations a target gets. Artemis's STOMP acceptor stops at 10k: with 19k STOMP subscriptions the broker
     * (1 GiB heap) stopped answering its own Core clients for 30 s and every later cell failed (run of 2026-11-28).
     */
    List<Integer> sizesFor(String target) {
        return Target.STOMP.equals(target) ? sizes.stream().filter(n -> n <= 10_000).toList() : sizes;
    }

    /** The same run with another warm-up (seconds; negative: unchanged). */
    Settings withWarmUp(double seconds) {
        return seconds < 0 ? this : new Settings(rounds, sizes, fanoutSizes, bigSize, throughputSize, this.seconds, hold,
                seconds, stepRates, churnRates, stallPercents, readablePercents, scaleOut);
    }

    /** Only these population sizes (S1, S2; S3, S5, S6 where their size is among them), or unchanged for null. */
    Settings withSizes(String list) {
        if (list == null) {
            return this;
        }
        List<Integer> only = java.util.Arrays.stream(list.split(",")).map(Integer::valueOf).toList();
        return new Settings(rounds, only, only, bigSize, throughputSize, seconds, hold, warmUp, stepRates, churnRates,
                stallPercents, readablePercents, scaleOut);
    }

    /** Messages per second that offer about {@code deliveries}/s to {@code subscribers}, at least 1, at most 20. */
    static double rateFor(int subscribers, int deliveries) {
        return Math.max(1, Math.min(20, deliveries / (double) subscribers));
    }
}
