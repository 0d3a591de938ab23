package io.indobase.realtime.bench.suite;

import io.indobase.realtime.bench.peer.OursPeer;
import io.indobase.realtime.bench.publish.JmsPublisher;
import io.indobase.realtime.bench.publish.Publisher;
import io.indobase.realtime.bench.server.JvmHeap;
import io.indobase.realtime.bench.server.ProcStats;
import io.indobase.realtime.bench.soak.Sample;
import io.indobase.realtime.bench.soak.SoakFigures;
import io.indobase.realtime.bench.soak.SoakPlot;
import io.indobase.realtime.bench.soak.SoakSection;
import io.indobase.realtime.testkit.ArtemisProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The soak ({@code bin/realtime bench --soak}): our node only, {@code connections} subscribers spread over
 * {@code buckets} buckets, a steady event rate, 1 % of the sockets a second closed and reopened (from a churned set of
 * a tenth of them, the rest held throughout), and every 10 s the server's RSS, heap after GC, open files and threads.
 * Replaces the soak section of the report and writes the plot beside it. The heap is read after a full collection
 * forced at each sample ({@code full-gc}: the live heap), or without collecting, after the node's own latest
 * collection ({@code after-gc}: with the serial collector, that includes what young collections promoted).
 * <pre>
 * Suite --soak [--minutes 10] [--connections 19000] [--rate 10] [--buckets 100] [--warm-up 120] [--heap full-gc|after-gc]
 *             [--out FILE] [--no-pin]
 * </pre>
 */
final class Soak {

    static final double EVERY = 10;
    private static final int SMALL = 100;

    private Soak() {
    }

    static void run(List<String> a) throws Exception {
        double seconds = Double.parseDouble(Suite.option(a, "--minutes", "10")) * 60;
        int connections = Integer.parseInt(Suite.option(a, "--connections", "19000"));
        double rate = Double.parseDouble(Suite.option(a, "--rate", "10"));
        int buckets = Integer.parseInt(Suite.option(a, "--buckets", "100"));
        double warmUp = Double.parseDouble(Suite.option(a, "--warm-up", "120"));
        boolean forced = !"after-gc".equals(Suite.option(a, "--heap", "full-gc"));
        Path out = Path.of(Suite.option(a, "--out", "../docs/benchmarks.md")).toAbsolutePath().normalize();
        Path work = Path.of(Suite.option(a, "--work", "target/bench")).toAbsolutePath();
        boolean pin = !a.contains("--no-pin") && Machine.canPin();
        Files.createDirectories(work);
        long started = System.nanoTime();
        Machine machine = Machine.read(pin);
        SoakFigures figures;
        try (Lab lab = Lab.start(Path.of(Suite.option(a, "--runtime", "target/runtime")), work, pin ? "0" : null,
                false, false, Lab.NODE_JVM);
             Generators generators = new Generators(work, pin ? "1" : null)) {
            Target ours = lab.targets().stream().filter(Target::ours).findFirst().orElseThrow();
            figures = soak(ours, generators, new Shape(connections, rate, buckets, warmUp, seconds, forced), machine,
                    started, work);
        }
        String plot = "soak.svg";
        Files.writeString(out.resolveSibling(plot), SoakPlot.svg(String.format(java.util.Locale.ROOT,
                "Soak: %,d sockets, %.0f events/s, %d/s churn (seconds after a %.0f s warm-up)", connections, rate,
                figures.churnPerSecond(), warmUp), figures.samples(), figures.verdicts(), seconds));
        String report = Files.exists(out) ? Files.readString(out) : "# Benchmarks\n";
        Files.writeString(out, SoakSection.replace(report, SoakSection.markdown(figures, plot)));
        System.out.println("wrote the soak section of " + out + " and " + out.resolveSibling(plot));
        System.out.println("soak: " + (figures.passed() ? "passed" : "not passed") + "; unexpected disconnects "
                + figures.unexpectedDisconnects() + ", lost " + figures.lost() + ", out of order " + figures.disorder());
        if (figures.held() == 0 || figures.delivered() == 0) {
            throw new IllegalStateException("the soak's harness did not work: held " + figures.held() + ", delivered "
                    + figures.delivered());
        }
    }

    /** What the soak is asked for; {@code forced}: the heap is read after a full collection forced at each sample. */
    private record Shape(int connections, double rate, int buckets, double warmUp, double seconds, boolean forced) {
    }

    private static SoakFigures soak(Target ours, Generators generators, Shape shape, Machine machine, long started,
                                    Path work) throws Exception {
        int connections = shape.connections();
        int buckets = shape.buckets();
        double rate = shape.rate();
        double warmUp = shape.warmUp();
        double seconds = shape.seconds();
        int rotating = connections / 10;
        int steady = connections - rotating;
        int perSecond = Math.max(1, Math.round(connections / 100f));
        String channel = OursPeer.spread(buckets);
        Generators.Opened held = generators.open(Target.OURS, ours.port(), steady, 0, 0, channel);
        Generators.Opened churned = generators.openRotating(Target.OURS, ours.port(), rotating, steady, channel);
        System.out.printf("soak: %d steady + %d churned subscribers held (%d failed)%n", held.ready(), churned.ready(),
                held.failed() + churned.failed());
        Scenarios.settle(ours);
        int run = (int) Math.ceil(warmUp + seconds + 2); // the last sample is taken under load
        long begin = System.nanoTime();
        CompletableFuture<Map<String, String>> churn = CompletableFuture.supplyAsync(() -> call(() ->
                generators.rotate(Target.OURS, ours.port(), perSecond, run, channel, connections)));
        Publisher publisher = new JmsPublisher(ours.brokerPort(), ArtemisProcess.USER, SMALL, buckets);
        CompletableFuture<Fanout.Round> events = CompletableFuture.supplyAsync(() -> call(() ->
                new Fanout(generators).run(ours, publisher, rate, run, 0, 0, (steady + buckets - 1) / buckets)));
        List<Sample> samples = new ArrayList<>();
        long liveStart;
        long liveEnd;
        double[] cpu = new double[4];
        String collections;
        try (JvmHeap heap = JvmHeap.attach(ours.server())) {
            sleepUntil(begin, warmUp);
            liveStart = heap.liveAfterFullGcKib();
            Map<String, Long> gc0 = heap.collections();
            cpu[0] = ours.cpuSeconds();
            cpu[1] = ours.brokerCpuSeconds();
            for (int k = 0; k * EVERY <= seconds; k++) {
                sleepUntil(begin, warmUp + k * EVERY);
                long heapKib = shape.forced() ? heap.liveAfterFullGcKib() : heap.afterLastGcKib();
                Sample sample = new Sample(k * EVERY, ProcStats.rssKib(ours.server()), heapKib,
                        ProcStats.openFiles(ours.server()), ProcStats.threads(ours.server()));
                samples.add(sample);
                System.out.println("  soak " + sample.csv());
            }
            cpu[2] = ours.cpuSeconds();
            cpu[3] = ours.brokerCpuSeconds();
            collections = during(gc0, heap.collections());
            liveEnd = heap.liveAfterFullGcKib();
        }
        Fanout.Round round = events.get(run + 120L, TimeUnit.SECONDS);
        publisher.close();
        Map<String, String> c = churn.get(120, TimeUnit.SECONDS);
        System.out.println("soak churn: " + c);
        Files.write(work.resolve("soak.csv"), java.util.stream.Stream.concat(java.util.stream.Stream.of(Sample.CSV_HEADER),
                samples.stream().map(Sample::csv)).toList());
        Generators.Received r = round.received();
        double window = seconds == 0 ? 1 : seconds;
        return new SoakFigures(machine.soakNote(Duration.ofNanos(System.nanoTime() - started), String.join(" ", Lab.NODE_JVM)),
                connections, held.ready() + churned.ready(), steady, rotating, warmUp, seconds, rate, buckets, perSecond,
                round.messages(), expected(1, round.messages(), steady, buckets), r.delivered(), r.disorder(), r.cutOff(),
                Generator.number(c, "cutoff"), Generator.number(c, "closed"), Generator.number(c, "reopened"),
                Generator.number(c, "failed"), Generator.number(c, "p99"), r.allP99(), r.probeP99(),
                (cpu[2] - cpu[0]) * 100 / window, (cpu[3] - cpu[1]) * 100 / window, liveStart, liveEnd, collections,
                shape.forced() ? SoakFigures.FULL_GC : SoakFigures.AFTER_GC, samples);
    }

    /** What the steady subscribers 0…steady−1 should receive of events first…first+messages−1 (event s to bucket s % buckets). */
    static long expected(long first, int messages, int steady, int buckets) {
        long total = 0;
        for (long s = first; s < first + messages; s++) {
            int bucket = (int) (s % buckets);
            total += steady / buckets + (bucket < steady % buckets ? 1 : 0);
        }
        return total;
    }

    private static String during(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder text = new StringBuilder();
        after.forEach((name, count) -> text.append(text.length() == 0 ? "" : ", ").append(name).append(' ')
                .append(count - before.getOrDefault(name, 0L)));
        return text.toString();
    }

    private static void sleepUntil(long begin, double seconds) throws InterruptedException {
        long wait = begin + (long) (seconds * 1e9) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T call(Call<T> task) {
        try {
            return task.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
