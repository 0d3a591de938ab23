package io.indobase.realtime.bench.suite;

import io.indobase.realtime.bench.publish.Publisher;
import io.indobase.realtime.bench.server.ProcStats;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * S1–S6 of docs/benchmarks.md against one target for one round. Every target gets the same calls with the same
 * parameters; only the peer adapter and the publisher differ.
 */
final class Scenarios {

    private static final int SMALL = 100;
    private static final int KIB = 1000;
    private final Generators generators;
    private final Fanout fanout;
    private final Results results;
    private final Settings settings;
    private int channels;

    private final java.nio.file.Path work;

    Scenarios(Generators generators, Results results, Settings settings, java.nio.file.Path work) {
        this.work = work;
        this.generators = generators;
        this.fanout = new Fanout(generators);
        this.results = results;
        this.settings = settings;
    }

    private String fresh() {
        return "b" + (++channels);
    }

    /**
     * Traffic that is not counted: the JIT's and the caches' warm-up, the same schedule for every target. Few
     * connections, so that round 1's populations are each a new high of the server's memory.
     */
    void warmUp(Target target) throws Exception {
        String channel = target.channel(fresh());
        Generators.Opened opened = generators.open(target.name(), target.port(), 200, 0, 0, channel);
        try (Publisher publisher = target.publisher(channel, SMALL)) {
            fanout.run(target, publisher, 100, settings.warmUp(), 0, 0, opened.ready());
        }
        closeAll(target);
    }

    /**
     * Before measuring on sockets just opened: a full collection on our node, or its young collections promote the new
     * sockets during the measurement (a JFR of S6's stalled cell held a 418 ms young pause of that kind), then quiet.
     */
    private void collectAndSettle(Target target) throws Exception {
        if (target.ours()) {
            ProcStats.liveHeapKib(target.server());
        }
        settle(target);
    }

    /** A timed line in the run's output, so that a --jfr recording can be cut to one cell. */
    private static void mark(Target target, String cell) {
        System.out.println("  " + java.time.LocalTime.now() + " " + target.name() + " " + cell);
    }

    /** Closes every subscriber and waits until the server has finished with them (its CPU is quiet again). */
    private void closeAll(Target target) throws Exception {
        generators.closeAll();
        settle(target);
    }

    /** Waits until the target uses under 5 % of a core over half a second (at most 15 s). */
    static void settle(Target target) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        double last = target.cpuSeconds();
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            double now = target.cpuSeconds();
            if (now - last < 0.025) {
                return;
            }
            last = now;
        }
    }

    void round(Target target, int round) throws Exception {
        for (int size : settings.sizesFor(target.name())) {
            population(target, round, size);
        }
        for (int stall : settings.stallPercents()) {
            slowConsumers(target, round, stall);
        }
        if (!target.name().equals(Target.STOMP)) {
            filtered(target, round);
        }
    }

    /** S1 (idle memory and set-up), S2 (fan-out), and at the big size S5, S6's baseline and S3. */
    private void population(Target target, int round, int size) throws Exception {
        String channel = target.channel(fresh());
        String row = "N=" + size;
        String name = target.name();
        long rss0 = ProcStats.rssKib(target.server());
        long heap0 = target.ours() ? ProcStats.liveHeapKib(target.server()) : -1;
        settle(target);
        Generators.Opened opened = generators.open(name, target.port(), size, 0, 0, channel);
        results.add("S1", row, "held (of " + size + ")", name, round, opened.ready());
        results.add("S1", row, "connect+subscribe p99 ms", name, round, opened.setupP99() / 1000.0);
        if (opened.failure() != null) {
            System.out.println("  first failure: " + opened.failure());
        }
        settle(target);
        double cpu0 = target.cpuSeconds();
        Thread.sleep((long) (settings.hold() * 1000));
        results.add("S1", row, "idle CPU %", name, round, (target.cpuSeconds() - cpu0) * 100 / settings.hold());
        long rss1 = ProcStats.rssKib(target.server());
        if (round == 1) { // later rounds reuse what the allocators kept: only the first growth is the connections'
            results.add("S1", row, "RSS KiB/conn (round 1)", name, round, (rss1 - rss0) / (double) Math.max(1, opened.ready()));
        }
        if (heap0 >= 0) {
            long heap1 = ProcStats.liveHeapKib(target.server());
            if (round == 1 && size == settings.bigSize()) {
                ProcStats.histogram(target.server(), work.resolve("heap-" + size + ".txt"));
            }
            results.add("S1", row, "live heap KiB/conn", name, round, (heap1 - heap0) / (double) Math.max(1, opened.ready()));
        }
        try (Publisher publisher = target.publisher(channel, SMALL)) {
            if (settings.fanoutSizes().contains(size)) {
                Fanout.Round r = fanout.run(target, publisher, Settings.rateFor(size, 40_000), settings.seconds(), 0, 0,
                        opened.ready());
                fanoutRows("S2", row, name, round, r);
            }
            if (size == settings.bigSize()) {
                churn(target, round, publisher, opened.ready(), channel);
                collectAndSettle(target); // as S6's stalled cell starts: the churn's sockets are not billed to it
                try (Publisher kib = target.publisher(channel, KIB)) {
                    Fanout.Round base = fanout.run(target, kib, 4, settings.seconds() * 2, 0, 0, opened.ready());
                    results.add("S6", "stalled 0 %", "healthy probe p99 ms", name, round, base.received().probeP99() / 1000.0);
                    results.add("S6", "stalled 0 %", "healthy every delivery p99 ms", name, round,
                            base.received().allP99() / 1000.0);
                }
            }
            if (size == settings.throughputSize()) {
                throughput(target, round, publisher, opened.ready());
            }
        }
        closeAll(target);
    }

    private void fanoutRows(String scenario, String row, String name, int round, Fanout.Round r) {
        results.add(scenario, row, "probe p50 ms", name, round, r.received().probeP50() / 1000.0);
        results.add(scenario, row, "probe p99 ms", name, round, r.received().probeP99() / 1000.0);
        results.add(scenario, row, "every delivery p99 ms", name, round, r.received().allP99() / 1000.0);
        results.add(scenario, row, "time to last p50 ms", name, round, r.received().lastP50() / 1000.0);
        results.add(scenario, row, "time to last p99 ms", name, round, r.received().lastP99() / 1000.0);
        results.add(scenario, row, "delivered %", name, round, r.deliveredRatio() * 100);
        results.add(scenario, row, "server CPU µs/delivery", name, round, r.cpuPerDelivery());
        if (r.brokerCpu() > 0 && !Target.STOMP.equals(name)) {
            results.add(scenario, row, "broker CPU µs/delivery", name, round,
                    r.received().delivered() == 0 ? 0 : r.brokerCpu() * 1e6 / r.received().delivered());
        }
        if (r.received().unauthorised() + r.received().disorder() > 0) {
            results.add(scenario, row, "unauthorised+disordered", name, round,
                    r.received().unauthorised() + r.received().disorder());
        }
    }

    /**
     * SC: one population on one node (ours) or through nginx on two nodes fed by two clustered brokers (cluster), the
     * publisher on the first broker; fan-out at 2 events/s, then a step to 4 events/s.
     */
    void scaleOut(Target target, int round) throws Exception {
        int size = settings.scaleOut();
        String name = target.name();
        settle(target);
        Generators.Opened opened = generators.open(name, target.port(), size, 0, 0, target.channel(fresh()));
        String row = "N=" + size;
        results.add("SC", row, "held (of " + size + ")", name, round, opened.ready());
        results.add("SC", row, "connect+subscribe p99 ms", name, round, opened.setupP99() / 1000.0);
        if (opened.failure() != null) {
            System.out.println("  first failure: " + opened.failure());
        }
        settle(target);
        try (Publisher publisher = target.publisher(target.channel(fresh()), SMALL)) {
            for (int rate : new int[] {2, 4}) {
                Fanout.Round r = fanout.run(target, publisher, rate, settings.seconds() * 2, 0, 0, opened.ready());
                String offered = scaleOutRow(rate, size);
                results.add("SC", offered, "deliveries/s", name, round, r.deliveriesPerSecond());
                fanoutRows("SC", offered, name, round, r);
            }
        }
        closeAll(target);
    }

    /** SC's row for a rate: events per second × subscribers, and the deliveries per second that offers. */
    static String scaleOutRow(int rate, int size) {
        return String.format(java.util.Locale.ROOT, "%d/s × %d (%.0fk/s offered)", rate, size, rate * size / 1000.0);
    }

    /** S3: step the publish rate up until the p99 of every delivery > 100 ms or less than 99.9 % is delivered. */
    private void throughput(Target target, int round, Publisher publisher, int subscribers) throws Exception {
        double best = 0;
        double cpuAtBest = 0;
        for (int rate : settings.stepRates()) {
            Fanout.Round r = fanout.run(target, publisher, rate, settings.seconds(), 0, 0, subscribers);
            boolean ok = r.deliveredRatio() >= 0.999 && r.received().allP99() <= 100_000;
            System.out.printf("  S3 %s %d msg/s × %d: delivered %.2f %%, p99 %.1f ms, %.2f µs/delivery%s%n", target.name(),
                    rate, subscribers, r.deliveredRatio() * 100, r.received().allP99() / 1000.0, r.cpuPerDelivery(),
                    ok ? "" : " ← over the SLO");
            if (!ok) {
                break;
            }
            best = rate * (double) subscribers;
            cpuAtBest = r.cpuPerDelivery();
        }
        String row = "N=" + subscribers;
        results.add("S3", row, "max deliveries/s (every p99≤100ms, ≥99.9%)", target.name(), round, best);
        results.add("S3", row, "server CPU µs/delivery at max", target.name(), round, cpuAtBest);
        Thread.sleep(2000);
    }

    /** S5: connect + subscribe + close churn beside steady subscribers receiving events. */
    private void churn(Target target, int round, Publisher publisher, int subscribers, String channel) throws Exception {
        Fanout.Round quiet = fanout.run(target, publisher, 2, settings.seconds(), 0, 0, subscribers);
        results.add("S5", "churn 0/s", "steady probe p99 ms", target.name(), round, quiet.received().probeP99() / 1000.0);
        for (int perSecond : settings.churnRates()) {
            int fd0 = ProcStats.openFiles(target.server());
            CompletableFuture<Map<String, String>> churn = CompletableFuture.supplyAsync(() -> {
                try {
                    return generators.churn(target.name(), target.port(), perSecond, (int) settings.seconds(), channel);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Fanout.Round r = fanout.run(target, publisher, 2, settings.seconds(), 0, 0, subscribers);
            Map<String, String> c = churn.get();
            String row = "churn " + perSecond + "/s";
            results.add("S5", row, "steady probe p99 ms", target.name(), round, r.received().probeP99() / 1000.0);
            results.add("S5", row, "steady delivered %", target.name(), round, r.deliveredRatio() * 100);
            results.add("S5", row, "churn connect+subscribe p99 ms", target.name(), round, Generator.number(c, "p99") / 1000.0);
            results.add("S5", row, "churn failed", target.name(), round, Generator.number(c, "failed"));
            Thread.sleep(1000);
            results.add("S5", row, "server fds after − before", target.name(), round, ProcStats.openFiles(target.server()) - fd0);
        }
    }

    /** S6: a share of the subscribers stop reading; the healthy ones' p99 and the server's memory. */
    private void slowConsumers(Target target, int round, int stallPercent) throws Exception {
        String channel = target.channel(fresh());
        int size = settings.bigSize();
        Generators.Opened opened = generators.open(target.name(), target.port(), size, 0, stallPercent, channel);
        collectAndSettle(target);
        int bulk = size - Math.min(Generators.PROBES, size / 5);
        int stalled = bulk / 100 * stallPercent + Math.min(bulk % 100, stallPercent); // global index % 100 < s
        long rss0 = ProcStats.rssKib(target.server());
        try (Publisher kib = target.publisher(channel, KIB)) {
            String row = "stalled " + stallPercent + " %";
            mark(target, "S6 " + row);
            Fanout.Round r = fanout.run(target, kib, 4, settings.seconds() * 2, 0, 0, opened.ready() - stalled);
            mark(target, "S6 " + row + " done");
            results.add("S6", row, "healthy probe p99 ms", target.name(), round, r.received().probeP99() / 1000.0);
            results.add("S6", row, "healthy every delivery p99 ms", target.name(), round, r.received().allP99() / 1000.0);
            results.add("S6", row, "healthy delivered %", target.name(), round,
                    Math.min(100, r.deliveredRatio() * 100));
            results.add("S6", row, "server RSS growth MiB", target.name(), round,
                    (ProcStats.rssKib(target.server()) - rss0) / 1024.0);
        }
        closeAll(target);
    }

    /** S4: events readable by 1 %, 10 %, 100 % of the subscribers (100 teams); CPU per published event. */
    private void filtered(Target target, int round) throws Exception {
        String channel = target.channel(fresh());
        int size = settings.bigSize();
        int teams = 100;
        Generators.Opened opened = generators.open(target.name(), target.port(), size, teams, 0, channel);
        if (opened.failed() > 0) {
            System.out.println("  S4: " + opened.failed() + " subscribers refused: " + opened.failure());
        }
        collectAndSettle(target);
        try (Publisher publisher = target.publisher(channel, SMALL)) {
            for (int percent : settings.readablePercents()) {
                settle(target); // as before every other measurement: the 10k handshakes' tail is not an event's cost
                int readable = percent;
                long expected = size / teams * readable;
                String row = "readable " + percent + " %";
                mark(target, "S4 " + row);
                Fanout.Round r = fanout.run(target, publisher, 4, settings.seconds(), readable, teams, expected);
                mark(target, "S4 " + row + " done");
                results.add("S4", row, "server CPU ms/event", target.name(), round, r.serverCpu() * 1000 / r.messages());
                if (r.received().probeCount() > 0) {
                    results.add("S4", row, "probe p99 ms", target.name(), round, r.received().probeP99() / 1000.0);
                }
                results.add("S4", row, "delivered %", target.name(), round, r.deliveredRatio() * 100);
                results.add("S4", row, "unauthorised", target.name(), round, r.received().unauthorised());
            }
        }
        closeAll(target);
    }
}
