package io.indobase.realtime.bench.soak;

import java.util.Locale;

/**
 * The soak's section of docs/benchmarks.md: from its heading to the next {@code ## } heading or the end. A soak
 * replaces it; a full run of the suite, which rewrites the file, carries it over ({@link #carry}).
 */
public final class SoakSection {

    static final String HEADING = "\n## Soak:";

    private SoakSection() {
    }

    /** The section of {@code report}, or "" when it has none. */
    public static String extract(String report) {
        String text = "\n" + report;
        int start = text.indexOf(HEADING);
        if (start < 0) {
            return "";
        }
        int next = text.indexOf("\n## ", start + 1);
        return text.substring(start + 1, next < 0 ? text.length() : next + 1).stripTrailing() + "\n";
    }

    /** {@code report} without its soak section, then {@code section} (if any) at the end. */
    public static String replace(String report, String section) {
        String old = extract(report);
        String rest = old.isEmpty() ? report : report.replace(old.stripTrailing(), "").replaceAll("\n{3,}", "\n\n");
        return section.isEmpty() ? rest : rest.stripTrailing() + "\n\n" + section.stripTrailing() + "\n";
    }

    /** A freshly written report that keeps the soak section of the report it replaces. */
    public static String carry(String previous, String fresh) {
        return replace(fresh, extract(previous));
    }

    /** The section for one soak; {@code plot} is the SVG's path relative to the report. */
    public static String markdown(SoakFigures f, String plot) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## Soak: %,d sockets on one node for %s, %.0f %%/s churn%n%n",
                f.connections(), f.seconds() == 60 ? "1 minute" : String.format(Locale.ROOT, "%.0f minutes", f.seconds() / 60),
                100.0 * f.churnPerSecond() / f.connections()));
        md.append("Written by `bin/realtime bench --soak` (realtime-bench's `Soak`); ").append(f.run())
                .append(". How it runs and what \"flat\" means: [docs/benchmark-method.md](benchmark-method.md#soak).")
                .append(" Verdict: **").append(f.passed() ? "passed" : "not passed").append("**.\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "held", String.format(Locale.ROOT, "%,d of %,d (%,d steady, %,d in the churned set)", f.held(),
                f.connections(), f.steady(), f.rotating()));
        row(md, "events", String.format(Locale.ROOT, "%.0f/s over %d buckets (one bucket's files channel each), "
                        + "%,d published in %.0f s of warm-up and %.0f s of soak: about %,.0f deliveries/s", f.rate(),
                f.buckets(), f.published(), f.warmUpSeconds(), f.seconds(), f.rate() * f.connections() / f.buckets()));
        row(md, "churn", String.format(Locale.ROOT, "%d sockets/s closed and reopened (oldest of the churned set first): "
                        + "%,d closed, %,d reopened, %,d failed; reopen connect + subscribe p99 %.1f ms",
                f.churnPerSecond(), f.churnClosed(), f.churnReopened(), f.churnFailed(), f.churnSetupP99() / 1000.0));
        row(md, "unexpected disconnects", String.format(Locale.ROOT, "**%d** (steady sockets cut off %d, churned set "
                        + "cut off %d, failed reopens %d, never held %d)", f.unexpectedDisconnects(), f.steadyCutOff(),
                f.churnCutOff(), f.churnFailed(), f.connections() - f.held()));
        row(md, "steady sockets' events", String.format(Locale.ROOT, "%,d of %,d expected delivered: **%d lost**, "
                + "%d out of order", f.delivered(), f.expected(), f.lost(), f.disorder()));
        row(md, "latency (publish to receive)", String.format(Locale.ROOT, "every delivery p99 %.1f ms, probes p99 %.1f ms",
                f.everyP99() / 1000.0, f.probeP99() / 1000.0));
        row(md, "CPU over the soak", String.format(Locale.ROOT, "server %.1f %% of its core, broker %.1f %%",
                f.serverCpu(), f.brokerCpu()));
        row(md, "live heap after a full GC", String.format(Locale.ROOT, "%.1f MiB before the first sample, %.1f MiB "
                        + "after the last (%+.1f %%; forced, outside the series)", f.liveHeapStart() / 1024.0,
                f.liveHeapEnd() / 1024.0, 100.0 * (f.liveHeapEnd() - f.liveHeapStart()) / Math.max(1, f.liveHeapStart())));
        row(md, "collections in the soak", f.collections());
        row(md, "heap after GC, read", f.heapReading());
        md.append("\n![The soak's four series](").append(plot).append(")\n\n");
        md.append("| series (every 10 s) | first minute, median | last minute, median | change | min | max | flat (≤ 5 %) |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Flatness v : f.verdicts()) {
            md.append(String.format(Locale.ROOT, "| %s (%s) | %s | %s | %+.1f %% | %s | %s | %s |%n", v.series(), v.unit(),
                    SoakPlot.number(v.first()), SoakPlot.number(v.last()), v.change() * 100, SoakPlot.number(v.min()),
                    SoakPlot.number(v.max()), v.flat() ? "yes" : "**no**"));
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }
}
