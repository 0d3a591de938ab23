package io.indobase.realtime.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged WAR and the resource adapter on a Payara Micro process of its own, for the tests that stop, restart
 * or kill a node (Arquillian owns its Micro). Loopback only, a free port, its log in its work folder; the process is
 * killed by {@link #close} and by a JVM shutdown hook, whatever happens to the test.
 */
public final class MicroNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path microJar;
    private final Path rar;
    private final Path war;
    private final Path workDir;
    private final Map<String, String> properties;
    private int port;
    private final Path preBoot;
    private final Path postBoot;
    private final List<Path> logs = new ArrayList<>();
    private List<String> javaOptions = List.of("-Xmx384m");
    private Path javaHome = Path.of(System.getProperty("java.home"));
    private Process process;

    /**
     * @param workDir    a folder of its own: tmp dir and logs
     * @param properties system properties (the realtime.* settings)
     */
    public MicroNode(Path microJar, Path rar, Path war, Path workDir, Map<String, String> properties) throws IOException {
        this.microJar = microJar.toAbsolutePath();
        this.rar = rar.toAbsolutePath();
        this.war = war.toAbsolutePath();
        this.workDir = workDir.toAbsolutePath();
        this.properties = Map.copyOf(properties);
        this.port = freePort();
        Path file = Path.of("..", "config", "micro-pre-boot.asadmin").toAbsolutePath().normalize();
        this.preBoot = Files.exists(file) ? file : null;
        Files.createDirectories(this.workDir.resolve("tmp"));
        // the application authenticates against the realm "realtime": the demo file realm, as every deployment has
        Path users = Path.of("..", "config", "realm", "realtime-users.keyfile").toAbsolutePath().normalize();
        this.postBoot = Files.writeString(this.workDir.resolve("post-boot.asadmin"), "create-auth-realm --classname "
                + "com.sun.enterprise.security.auth.realm.file.FileRealm --property file=" + users
                + ":jaas-context=fileRealm realtime\n");
        Runtime.getRuntime().addShutdownHook(new Thread(this::kill));
    }

    /** The node of the usual IT layout: {@code target/it/} and {@code target/realtime-web.war} of the web module. */
    public static MicroNode of(String name, Map<String, String> properties) throws IOException {
        Path target = Path.of("target");
        return new MicroNode(target.resolve("it/payara-micro.jar"), target.resolve("it/artemis-rar.rar"),
                target.resolve("realtime-web.war"), target.resolve("nodes").resolve(name), properties);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Listens on this port instead of the free one picked at creation (before {@link #start}). */
    public MicroNode atPort(int fixed) {
        this.port = fixed;
        return this;
    }

    /** Appends asadmin commands to the node's post-boot file (run before the resource adapter is deployed). */
    public MicroNode postBoot(List<String> commands) throws IOException {
        Files.writeString(postBoot, String.join("\n", commands) + "\n", java.nio.file.StandardOpenOption.APPEND);
        return this;
    }

    /** JVM options of the next {@link #start} in place of the default {@code -Xmx384m}. */
    public MicroNode javaOptions(List<String> options) {
        this.javaOptions = List.copyOf(options);
        return this;
    }

    /** The JDK of the next {@link #start} in place of the test's own (Payara 7 needs Java 21+). */
    public MicroNode javaHome(Path home) {
        this.javaHome = home.toAbsolutePath();
        return this;
    }

    public int port() {
        return port;
    }

    /** Whether its process was started and is alive. */
    public boolean running() {
        return process != null && process.isAlive();
    }

    /** The running Payara Micro process. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Starts the process and waits until Micro says it is ready and the application answers (not readiness). */
    public MicroNode start() throws Exception {
        Path log = workDir.resolve("micro-" + (logs.size() + 1) + ".log");
        logs.add(log);
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin").resolve("java").toString()));
        command.addAll(javaOptions);
        command.add("-Djava.io.tmpdir=" + workDir.resolve("tmp"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", microJar.toString(), "--nohazelcast", "--port", Integer.toString(port),
                "--deploy", rar.toString(), "--deploy", war + ":/"));
        if (preBoot != null) {
            command.addAll(List.of("--prebootcommandfile", preBoot.toString()));
        }
        command.addAll(List.of("--postbootcommandfile", postBoot.toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            String output = log();
            if (output.contains("Exception during lifecycle processing")) {
                kill();
                throw new IllegalStateException("the application did not deploy; see " + log);
            }
            if (output.contains("ready in") && status("/") == 200) {
                return this;
            }
            Thread.sleep(250);
        }
        kill();
        throw new IllegalStateException("Payara Micro was not up within 150 s; see " + log);
    }

    /** Polls {@code /health/ready} until it answers 200; false after the timeout. */
    public boolean awaitReady(long timeout, TimeUnit unit) throws InterruptedException {
        return awaitStatus("/health/ready", 200, timeout, unit);
    }

    /** Polls {@code path} until it answers {@code status} (e.g. readiness 503 once the broker is gone); false after the timeout. */
    public boolean awaitStatus(String path, int expected, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            if (status(path) == expected) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** The HTTP status of a GET on the node, or -1 when it does not answer. */
    public int status(String path) {
        return get(path).status();
    }

    /** The body of a GET on the node, or "" when it does not answer. */
    public String body(String path) {
        return get(path).body();
    }

    private record Answer(int status, String body) {
    }

    private Answer get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "");
        }
    }

    public URL base() throws IOException {
        return URI.create("http://127.0.0.1:" + port + "/").toURL();
    }

    /**
     * Asks the process to stop (SIGTERM, as a container orchestrator does) and waits for it.
     *
     * @return the milliseconds it took to exit, or -1 when it had to be killed after the timeout
     */
    public long stop(long timeout, TimeUnit unit) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (process.waitFor(timeout, unit)) {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }
        kill();
        return -1;
    }

    public void kill() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The log of the current (or last) run. */
    public String log() {
        try {
            return logs.isEmpty() ? "" : Files.readString(logs.get(logs.size() - 1), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        kill();
    }
}
