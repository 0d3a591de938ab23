package io.indobase.realtime.bench.suite;

import io.indobase.realtime.bench.server.NchanServer;
import io.indobase.realtime.testkit.Balancer;
import io.indobase.realtime.bench.server.WriteFloor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The benchmark suite (bin/realtime bench): S0–S6 against our node and its peers, and SC (one node against two
 * behind nginx), alternating, on loopback; writes the markdown report. Not a test: it never fails on a figure, only
 * when the harness itself cannot work. {@code --cluster} runs SC alone and replaces its section in the report;
 * {@code --soak} runs the soak alone ({@link Soak}) and replaces its section. A full run keeps the soak's section.
 * <pre>
 * Suite [--soak [--minutes N] [--connections N]]
 * Suite [--smoke] [--cluster] [--rounds N] [--out FILE] [--runtime DIR] [--work DIR] [--no-pin] [--no-nchan]
 *       [--targets ours,nchan,stomp,cluster] [--jfr FILE] [--warm-up SECONDS] [--sizes 1000,10000] [--node-jvm "OPTIONS"]   (a subset of the targets; a JFR recording of our node's rounds)
 * </pre>
 */
public final class Suite {

    private Suite() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = List.of(args);
        if (a.contains("--soak")) {
            Soak.run(a);
            return;
        }
        boolean smoke = a.contains("--smoke");
        boolean clusterOnly = a.contains("--cluster");
        int rounds = Integer.parseInt(option(a, "--rounds", "3"));
        Settings settings = (smoke ? Settings.smoke() : Settings.full(rounds))
                .withWarmUp(Double.parseDouble(option(a, "--warm-up", "-1")))
                .withSizes(option(a, "--sizes", null));
        Path out = Path.of(option(a, "--out", smoke ? "target/bench/benchmarks-smoke.md" : "../docs/benchmarks.md"));
        if (clusterOnly && smoke) {
            throw new IllegalArgumentException("--cluster and --smoke: the smoke runs SC already");
        }
        Path runtime = Path.of(option(a, "--runtime", "target/runtime"));
        Path work = Path.of(option(a, "--work", "target/bench")).toAbsolutePath();
        boolean pin = !a.contains("--no-pin") && Machine.canPin();
        List<String> only = List.of(option(a, "--targets", clusterOnly ? "ours,cluster" : "ours,nchan,stomp,cluster").split(","));
        boolean nchan = !a.contains("--no-nchan") && !clusterOnly && only.contains(Target.NCHAN) && NchanServer.installed();
        boolean cluster = only.contains(Target.CLUSTER) && Balancer.installed();
        Files.createDirectories(work);
        long started = System.nanoTime();
        Machine machine = Machine.read(pin);

        double floor = WriteFloor.measure(1000, smoke ? 100_000 : 500_000);
        System.out.printf("S0 write floor: %.2f µs per write%n", floor);
        Results results = new Results();
        List<String> nodeJvm = a.contains("--node-jvm") ? List.of(option(a, "--node-jvm", "").split(" ")) : Lab.NODE_JVM;
        try (Lab lab = Lab.start(runtime, work, pin ? "0" : null, nchan, cluster, nodeJvm)) {
            Generators generators = new Generators(work, pin ? "1" : null);
            Scenarios scenarios = new Scenarios(generators, results, settings, work);
            List<Target> targets = lab.targets().stream().filter(t -> only.contains(t.name())).toList();
            for (Target target : targets) {
                System.out.println("warm-up: " + target.name());
                scenarios.warmUp(target);
            }
            String jfr = option(a, "--jfr", null);
            if (jfr != null) {
                Profiler.start(targets.get(0).server(), Path.of(jfr).toAbsolutePath());
            }
            for (int round = 1; round <= settings.rounds(); round++) {
                for (Target target : order(targets, round)) {
                    System.out.println("round " + round + ": " + target.name());
                    try {
                        if (!clusterOnly && !target.name().equals(Target.CLUSTER)) {
                            scenarios.round(target, round);
                        }
                        if (cluster && (target.ours() || target.name().equals(Target.CLUSTER))) {
                            scenarios.scaleOut(target, round);
                        }
                    } catch (Exception e) { // one target's failure is a finding, not the end of the run
                        e.printStackTrace();
                        results.failed(target.name() + ", round " + round + ": " + e);
                        generators.close(); // whatever state they are in: fresh processes for the next target
                        generators = new Generators(work, pin ? "1" : null);
                        scenarios = new Scenarios(generators, results, settings, work);
                    }
                }
            }
            if (jfr != null) {
                Profiler.stop(targets.get(0).server(), Path.of(jfr).toAbsolutePath());
            }
            generators.close();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String header = machine.header(smoke, settings, took, nchan, String.join(" ", nodeJvm));
        Files.createDirectories(out.toAbsolutePath().getParent());
        if (clusterOnly) {
            String report = Files.exists(out) ? Files.readString(out) : header;
            Files.writeString(out, Report.withScaleOut(report, machine.scaleOutNote(settings, took), results));
        } else {
            String previous = Files.exists(out) ? Files.readString(out) : "";
            String plot = FanoutPlot.svg(results, settings.fanoutSizes(),
                    results.targets().stream().filter(t -> !t.equals(Target.CLUSTER)).toList());
            if (plot != null) {
                Files.writeString(out.resolveSibling(FanoutPlot.FILE), plot);
            }
            Files.writeString(out, io.indobase.realtime.bench.soak.SoakSection.carry(previous,
                    Report.markdown(header, floor, results, plot != null)));
        }
        System.out.println("wrote " + out.toAbsolutePath().normalize() + " in " + took.toMinutes() + " min "
                + took.toSecondsPart() + " s");
        check(results, smoke, settings);
    }

    /** Peer, ours, peer…: the order turns each round so no target always runs first after another. */
    private static List<Target> order(List<Target> targets, int round) {
        List<Target> turned = new java.util.ArrayList<>(targets);
        java.util.Collections.rotate(turned, round - 1);
        return turned;
    }

    /** The harness must have worked: subscribers held and events delivered, none unauthorised, for every target. */
    private static void check(Results results, boolean smoke, Settings settings) {
        String smallest = "N=" + settings.fanoutSizes().get(0); // --sizes may leave out 100
        for (String target : results.targets()) {
            double delivered = results.median("S2", smallest, "delivered %", target);
            String cell = "S2 " + smallest;
            if (Double.isNaN(delivered)) { // a target of SC only
                cell = "SC " + Scenarios.scaleOutRow(2, settings.scaleOut());
                delivered = results.median("SC", Scenarios.scaleOutRow(2, settings.scaleOut()), "delivered %", target);
            }
            if (!(delivered > 99)) {
                throw new IllegalStateException(target + ": " + cell + " delivered " + delivered + " %: the harness did not work");
            }
        }
        boolean leak = results.cells().stream().anyMatch(c -> c.metric().startsWith("unauthorised") && c.value() > 0);
        if (leak) {
            throw new IllegalStateException("a subscriber received an event it may not read (see the report)");
        }
        if (smoke) {
            System.out.println("smoke: the harness works (no figure is checked)");
        }
    }

    static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }
}
