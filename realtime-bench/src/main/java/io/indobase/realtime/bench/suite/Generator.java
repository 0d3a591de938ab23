package io.indobase.realtime.bench.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One {@code LoadProcess} JVM, driven line by line. */
final class Generator implements AutoCloseable {

    private final Process process;
    private final Writer in;
    private final BufferedReader out;

    Generator(int block, String cpus, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx640m",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "io.indobase.realtime.bench.load.LoadProcess", Integer.toString(block)));
        process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Sends a command without waiting (pair with {@link #answer}). */
    void send(String command) throws IOException {
        in.write(command + "\n");
        in.flush();
    }

    /** The next answer line, without its {@code @} tag; an {@code @ERROR} is thrown. */
    String answer() throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("@ERROR")) {
                throw new IllegalStateException("generator: " + line);
            }
            if (line.startsWith("@")) {
                int space = line.indexOf(' ');
                return space < 0 ? "" : line.substring(space + 1);
            }
        }
        throw new IOException("a generator process ended");
    }

    String call(String command) throws IOException {
        send(command);
        return answer();
    }

    /** {@code a=1 b=2} into a map. */
    static Map<String, String> fields(String line) {
        Map<String, String> fields = new HashMap<>();
        for (String part : line.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return fields;
    }

    static long number(Map<String, String> fields, String key) {
        return Long.parseLong(fields.getOrDefault(key, "0"));
    }

    @Override
    public void close() {
        try {
            send("QUIT");
        } catch (IOException ignored) {
            // gone already
        }
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
