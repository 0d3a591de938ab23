package io.indobase.realtime.bench.suite;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A JFR recording (the "profile" settings) of a server JVM over the measured rounds, through jcmd. */
final class Profiler {

    private Profiler() {
    }

    static void start(ProcessHandle jvm, Path file) throws Exception {
        jcmd(jvm, "JFR.start", "name=bench", "settings=profile", "filename=" + file);
    }

    static void stop(ProcessHandle jvm, Path file) throws Exception {
        jcmd(jvm, "JFR.stop", "name=bench", "filename=" + file);
        System.out.println("JFR recording: " + file);
    }

    private static void jcmd(ProcessHandle jvm, String... arguments) throws Exception {
        String[] command = new String[arguments.length + 2];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        command[1] = Long.toString(jvm.pid());
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(System.out);
        process.waitFor(60, TimeUnit.SECONDS);
    }
}
