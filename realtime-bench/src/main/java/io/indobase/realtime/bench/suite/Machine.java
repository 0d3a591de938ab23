package io.indobase.realtime.bench.suite;

import io.indobase.realtime.bench.server.ProcStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the report says about the machine and the run: read once before the run, and the load average after. */
final class Machine {

    private final String date = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
    private final String cpu;
    private final int cores = cpus();
    private final String kernel;
    private final String memory;
    private final String loadBefore;
    private final long stealBefore;
    private final boolean pinned;

    private Machine(boolean pinned) {
        this.pinned = pinned;
        this.cpu = grep("/proc/cpuinfo", "model name").replaceFirst(".*:\\s*", "");
        this.kernel = read("/proc/sys/kernel/osrelease").trim();
        this.memory = grep("/proc/meminfo", "MemTotal").replaceFirst("MemTotal:\\s*", "");
        this.loadBefore = read("/proc/loadavg").trim();
        this.stealBefore = steal();
    }

    static Machine read(boolean pinned) {
        return new Machine(pinned);
    }

    /**
     * The machine's CPUs, from /proc/cpuinfo: not {@code availableProcessors()}, which is this process's affinity
     * (bin/realtime starts the suite on CPU 1 only).
     */
    static int cpus() {
        return (int) Math.max(1, read("/proc/cpuinfo").lines().filter(l -> l.startsWith("processor")).count());
    }

    static boolean canPin() {
        return Files.isExecutable(Path.of("/usr/bin/taskset")) && cpus() >= 2;
    }

    String header(boolean smoke, Settings settings, Duration took, boolean nchan, String nodeJvm) {
        String nchanVersion = nchan ? version("dpkg-query", "-W", "-f=${Version}", "libnginx-mod-nchan") : "not installed";
        String nginx = nchan ? version("dpkg-query", "-W", "-f=${Version}", "nginx-light") : "–";
        return "# Benchmarks\n\n"
                + (smoke ? "**Smoke run (CI): the harness works; the figures mean nothing.**\n\n" : "")
                + "Written by `bin/realtime bench` (realtime-bench's `Suite`); " + date + ", " + settings.rounds()
                + " round(s) alternating the targets, " + took.toMinutes() + " min " + took.toSecondsPart() + " s.\n"
                + "How to read it, and what each scenario does: [docs/benchmark-method.md](benchmark-method.md).\n\n"
                + "| | |\n|---|---|\n"
                + "| machine | " + cores + " × " + cpu + ", " + memory + ", kernel " + kernel + " |\n"
                + "| pinning | " + (pinned ? "servers on CPU 0 (taskset -a), generators and publisher on CPU 1"
                : "none (every process on every core)") + " |\n"
                + "| load average before / after | " + loadBefore + " / " + read("/proc/loadavg").trim() + " |\n"
                + "| CPU steal during the run | " + String.format(Locale.ROOT, "%.1f s", (steal() - stealBefore) / 100.0) + " |\n"
                + "| Java | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " |\n"
                + "| ours | indobase Realtime on Payara Micro 6.2025.10 (`" + nodeJvm + "`), fed by ActiveMQ Artemis 2.40.0 (Core JMS) |\n"
                + "| nchan | " + nchanVersion + " on nginx " + nginx + ", 1 worker |\n"
                + "| stomp | ActiveMQ Artemis 2.40.0's own STOMP 1.2 over WebSocket, the same broker and topic |\n"
                + "| cluster | " + CLUSTER + " |\n"
                + "| generators | 2 bulk processes (≤ 10k connections each) + 1 probe process (" + Generators.PROBES
                + " probes) + 1 churn process, Java NIO, sources 127.10–13.x.y |\n";
    }

    private static final String CLUSTER = "two nodes as ours behind nginx (4 workers, round-robin), each fed by its own"
            + " broker of a two-broker Artemis 2.40.0 cluster (config/cluster/); events published on the first broker";

    /** Where SC's figures come from, when they are written alone ({@code --cluster}) into a report of another run. */
    String scaleOutNote(Settings settings, Duration took) {
        return "From `bin/realtime bench --cluster`, " + date + ", " + settings.rounds() + " round(s) alternating ours and"
                + " the cluster, " + took.toMinutes() + " min " + took.toSecondsPart() + " s; pinning: "
                + (pinned ? "every server on CPU 0, the generators and the publisher on CPU 1" : "none")
                + "; load average before / after " + loadBefore + " / " + read("/proc/loadavg").trim() + ". cluster: "
                + CLUSTER + ".";
    }

    /** Where a soak's figures come from, for its section of the report. */
    String soakNote(Duration took, String nodeJvm) {
        return date + ", " + took.toMinutes() + " min " + took.toSecondsPart() + " s in all; " + cores + " × " + cpu
                + "; pinning: " + (pinned ? "the node and the broker on CPU 0, the generators and the publisher on CPU 1"
                : "none") + "; our node on Payara Micro 6.2025.10 (`" + nodeJvm + "`, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version") + "), fed by Artemis 2.40.0; load average before / after "
                + loadBefore + " / " + read("/proc/loadavg").trim() + "; CPU steal " + String.format(Locale.ROOT, "%.1f s",
                (steal() - stealBefore) / 100.0);
    }

    private static long steal() {
        String line = grep("/proc/stat", "cpu ");
        String[] f = line.trim().split("\\s+");
        return f.length > 8 ? Long.parseLong(f[8]) : 0;
    }

    private static String grep(String file, String prefix) {
        return read(file).lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }

    private static String version(String... command) {
        String text = ProcStats.output(command).trim();
        return text.isEmpty() ? "unknown" : text;
    }
}
