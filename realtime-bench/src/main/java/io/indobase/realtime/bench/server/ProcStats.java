package io.indobase.realtime.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** CPU and memory of a process tree from /proc (Linux), and CPU pinning with taskset. */
public final class ProcStats {

    /** USER_HZ: the unit of utime/stime in /proc/PID/stat. */
    private static final double TICK_SECONDS = 0.01;

    private ProcStats() {
    }

    private static List<ProcessHandle> tree(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        return all;
    }

    /** User + system CPU seconds of the process and its descendants. */
    public static double cpuSeconds(ProcessHandle root) {
        long ticks = 0;
        for (ProcessHandle process : tree(root)) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of the whole line
            } catch (IOException | RuntimeException ignored) {
                // ended meanwhile
            }
        }
        return ticks * TICK_SECONDS;
    }

    /** Resident set size of the process and its descendants, in KiB. */
    public static long rssKib(ProcessHandle root) {
        long kib = 0;
        for (ProcessHandle process : tree(root)) {
            kib += statusField(process.pid(), "VmRSS:");
        }
        return kib;
    }

    /** Open file descriptors of the process (not its descendants). */
    public static int openFiles(ProcessHandle process) {
        String[] fds = Path.of("/proc", Long.toString(process.pid()), "fd").toFile().list();
        return fds == null ? -1 : fds.length;
    }

    /** Threads of the process (not its descendants), from /proc/PID/status. */
    public static int threads(ProcessHandle process) {
        return (int) statusField(process.pid(), "Threads:");
    }

    private static long statusField(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // ended meanwhile
        }
        return 0;
    }

    /** Pins every thread of the process tree to {@code cpus} (e.g. "0"); false when taskset is missing or fails. */
    public static boolean pin(ProcessHandle root, String cpus) {
        boolean all = true;
        for (ProcessHandle process : tree(root)) {
            all &= run("taskset", "-a", "-cp", cpus, Long.toString(process.pid()));
        }
        return all;
    }

    static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Output of a short command, or "" when it fails. */
    public static String output(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes());
            process.waitFor(30, TimeUnit.SECONDS);
            return text;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The JVM's class histogram of live objects (jcmd GC.class_histogram), into {@code file}, for the record. */
    public static void histogram(ProcessHandle jvm, Path file) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Files.writeString(file, output(jcmd, Long.toString(jvm.pid()), "GC.class_histogram"));
        } catch (IOException e) {
            System.err.println("histogram: " + e);
        }
    }

    /**
     * Live heap after a full GC of a JVM, in KiB (jcmd GC.run, then the "used" of every generation GC.heap_info
     * lists: one line for G1, young + tenured for the serial collector), or -1.
     */
    public static long liveHeapKib(ProcessHandle jvm) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        output(jcmd, Long.toString(jvm.pid()), "GC.run");
        String info = output(jcmd, Long.toString(jvm.pid()), "GC.heap_info");
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        long kib = -1;
        while (used.find()) {
            kib = Math.max(kib, 0) + Long.parseLong(used.group(1));
        }
        return kib;
    }
}
