package io.indobase.realtime.bench.suite;

import java.util.List;
import java.util.Locale;

/** docs/benchmarks.md: how the run was made, the figures per scenario, and where each target of issue 16 stands. */
final class Report {

    private static final String[][] SCENARIOS = {
        {"S1", "Idle connections: memory per connection, connect + subscribe latency, idle CPU"},
        {"S2", "Fan-out latency to N subscribers of one channel (about 40k deliveries/s offered, 100-byte payload)"},
        {"S3", "Maximum deliveries per second to 1,000 subscribers within a p99 (of every delivery) ≤ 100 ms and ≥ 99.9 % delivered"},
        {"S4", "Permission-filtered fan-out: events readable by 1 %, 10 %, 100 % of the subscribers (100 teams)"},
        {"S5", "Connect + subscribe + close churn beside steady subscribers (2 events/s)"},
        {"S6", "Slow consumers: 10 % of 10,000 subscribers stop reading (1 KB payload, 4 events/s)"},
        {"SC", "Scale-out: one node (ours) against two nodes behind nginx, fed by a two-broker cluster (cluster)"},
    };

    /** What SC's figures are, under its table. */
    static final String SCALE_OUT_NOTE = "The same subscribers either on one node (direct) or through nginx (4 workers,"
            + " round-robin) on two nodes, each consuming from its own broker of a two-broker Artemis cluster; events are"
            + " published on the first broker, so the second node's half crosses the cluster bridge. `cluster`'s server CPU"
            + " is both nodes' and nginx's, its broker CPU both brokers'. Every server here shares CPU 0 (see pinning): two"
            + " nodes cannot add capacity on this machine, so these figures show what the balancer and the second node cost"
            + " per delivery, not what a second machine would gain (docs/scaling.md).";

    private Report() {
    }

    /** @param plot whether {@link FanoutPlot#FILE} was written beside the report (it goes under S2) */
    static String markdown(String header, double floor, Results results, boolean plot) {
        List<String> targets = results.targets();
        StringBuilder md = new StringBuilder(header);
        for (String failure : results.failures()) {
            md.append("\n**A round failed:** ").append(failure).append(" (its figures are missing below).\n");
        }
        md.append("\n## Targets\n\n| target | figure | status |\n|---|---|---|\n");
        targets(md, floor, results);
        md.append("\nWhere a target is not met, what stops it (profiled) and what was tried: [Performance work (issue 16)]"
                + "(benchmark-method.md#performance-work-issue-16). Ratios of one run move from run to run on this "
                + "shared machine; the method page keeps the runs side by side.\n");
        md.append("\n## S0: the write floor\n\n").append(String.format(Locale.ROOT,
                "`SocketChannel.write` of a 32-byte frame, TCP_NODELAY, 1,000 loopback sockets round-robin, drained by "
                        + "another thread: **%.2f µs CPU per write** (the writing thread). No server delivers a frame for "
                        + "less on this machine; CPU per delivery below is also given against it.%n", floor));
        for (String[] scenario : SCENARIOS) {
            // SC compares ours with the cluster only; the cluster has no figures elsewhere
            boolean scaleOut = scenario[0].equals("SC");
            String table = results.table(scenario[0], targets.stream()
                    .filter(t -> scaleOut ? t.equals(Target.OURS) || t.equals(Target.CLUSTER) : !t.equals(Target.CLUSTER))
                    .toList());
            if (table.split("\n").length > 2) {
                md.append("\n## ").append(scenario[0]).append(": ").append(scenario[1]).append("\n\n").append(table);
                if (scaleOut) {
                    md.append('\n').append(SCALE_OUT_NOTE).append('\n');
                }
                if (plot && scenario[0].equals("S2")) {
                    md.append("\n![S2: p99 time to the last subscriber by subscribers, per target](")
                            .append(FanoutPlot.FILE).append(")\n");
                }
            }
        }
        return md.toString();
    }

    /** The report with its SC section replaced by this run's (or added at the end), for {@code --cluster}. */
    static String withScaleOut(String report, String runNote, Results results) {
        String section = "\n## SC: " + SCENARIOS[SCENARIOS.length - 1][1] + "\n\n" + runNote + "\n\n"
                + results.table("SC", results.targets()) + '\n' + SCALE_OUT_NOTE + '\n';
        int start = report.indexOf("\n## SC:");
        if (start < 0) {
            return report.stripTrailing() + "\n" + section;
        }
        int next = report.indexOf("\n## ", start + 1);
        return report.substring(0, start) + section + (next < 0 ? "" : report.substring(next));
    }

    /** Issue 16's targets, as ratios within this run (issue 8's first targets, "≤ nchan", are in git history). */
    private static void targets(StringBuilder md, double floor, Results r) {
        double memOurs = r.median("S1", "N=10000", "RSS KiB/conn (round 1)", Target.OURS);
        double memNchan = r.median("S1", "N=10000", "RSS KiB/conn (round 1)", Target.NCHAN);
        row(md, "RSS per idle connection ≤ 2.0× nchan's (N=10000)", ratio(memOurs, memNchan, "KiB"), memOurs <= 2 * memNchan);
        double held = r.median("S1", "N=19000", "held (of 19000)", Target.OURS);
        row(md, "19k connections held by one node", Results.format(held) + " held", held >= 19000);
        double cpu = r.median("S3", "N=1000", "server CPU µs/delivery at max", Target.OURS);
        row(md, "server CPU per delivery ≤ 1.8× the write floor (S3 at max)",
                String.format(Locale.ROOT, "%s µs = %.2f× the floor (%.2f µs)", Results.format(cpu), cpu / floor, floor),
                cpu <= 1.8 * floor);
        double rateOurs = r.median("S3", "N=1000", "max deliveries/s (every p99≤100ms, ≥99.9%)", Target.OURS);
        double rateNchan = r.median("S3", "N=1000", "max deliveries/s (every p99≤100ms, ≥99.9%)", Target.NCHAN);
        row(md, "deliveries/s ≥ 0.7× nchan's (S3)", ratio(rateOurs, rateNchan, "/s"), rateOurs >= 0.7 * rateNchan);
        double lastOurs = r.median("S2", "N=10000", "time to last p99 ms", Target.OURS);
        double lastNchan = r.median("S2", "N=10000", "time to last p99 ms", Target.NCHAN);
        row(md, "fan-out to 10k: p99 time to last ≤ 1.5× nchan's (S2)", ratio(lastOurs, lastNchan, "ms"),
                lastOurs <= 1.5 * lastNchan);
        double setUpOurs = r.median("S1", "N=10000", "connect+subscribe p99 ms", Target.OURS);
        double setUpNchan = r.median("S1", "N=10000", "connect+subscribe p99 ms", Target.NCHAN);
        row(md, "connect+subscribe p99 at 10k ≤ 5× nchan's (S1)", ratio(setUpOurs, setUpNchan, "ms"),
                setUpOurs <= 5 * setUpNchan);
        double stalled = r.median("S6", "stalled 10 %", "healthy probe p99 ms", Target.OURS);
        double base = r.median("S6", "stalled 0 %", "healthy probe p99 ms", Target.OURS);
        row(md, "S6: healthy p99 with 10 % stalled ≤ 1.5× baseline", String.format(Locale.ROOT, "%s ÷ %s ms = %.2f",
                Results.format(stalled), Results.format(base), stalled / base), stalled / base <= 1.5);
        double one = r.median("S4", "readable 1 %", "server CPU ms/event", Target.OURS);
        double all = r.median("S4", "readable 100 %", "server CPU ms/event", Target.OURS);
        row(md, "S4: CPU at 1 % readable ≤ 0.05× CPU at 100 %", String.format(Locale.ROOT, "%s ÷ %s ms = %.3f",
                Results.format(one), Results.format(all), one / all), one / all <= 0.05);
    }

    private static String ratio(double ours, double peer, String unit) {
        return String.format(Locale.ROOT, "ours %s %s, nchan %s %s: ratio %.2f", Results.format(ours), unit,
                Results.format(peer), unit, ours / peer);
    }

    private static void row(StringBuilder md, String target, String figure, boolean met) {
        md.append("| ").append(target).append(" | ").append(figure).append(" | ")
                .append(figure.contains("–") || figure.contains("NaN") ? "not measured" : met ? "met" : "**not met**")
                .append(" |\n");
    }
}
