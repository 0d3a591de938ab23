package io.indobase.realtime.testkit;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * nginx (Debian {@code nginx-light}) as the round-robin WebSocket load balancer in front of the nodes, run with
 * {@code config/cluster/nginx.conf} and its {@code @...@} values filled in: its folder (pid, logs, temp files), its
 * port on loopback, the nodes, the workers. {@link #close} stops it (SIGTERM, then SIGKILL); so does a JVM shutdown
 * hook.
 */
public final class Balancer implements AutoCloseable {

    public static final Path NGINX = Path.of("/usr/sbin/nginx");
    private final Path dir;
    private final int port;
    private Process process;

    private Balancer(Path dir, int port) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    public static boolean installed() {
        return Files.isExecutable(NGINX);
    }

    /**
     * Writes the configuration from {@code template} and starts nginx on {@code port} in front of the nodes' ports.
     *
     * @param workers nginx worker processes (each holds two descriptors per socket: 20,000 at most here)
     */
    public static Balancer start(Path template, Path dir, int port, List<Integer> nodePorts, int workers) throws Exception {
        if (!installed()) {
            throw new IllegalStateException(NGINX + " is missing: apt-get install nginx-light (bin/realtime test does, as root)");
        }
        Balancer balancer = new Balancer(dir, port);
        for (String temp : List.of("body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            Files.createDirectories(balancer.dir.resolve("tmp").resolve(temp));
        }
        String nodes = nodePorts.stream().map(p -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=5s;")
                .collect(Collectors.joining("\n"));
        Path conf = Files.writeString(balancer.dir.resolve("nginx.conf"), Files.readString(template)
                .replace("@DIR@", balancer.dir.toString()).replace("@PORT@", Integer.toString(port))
                .replace("@NODES@", nodes).replace("@WORKERS@", Integer.toString(workers)));
        try {
            balancer.process = launch(conf, balancer.dir, port);
        } catch (Exception | Error e) {
            balancer.close();
            throw e;
        }
        return balancer;
    }

    /** Runs nginx on {@code conf} in the foreground (prefix {@code dir}) and waits until it listens on {@code port}. */
    public static Process launch(Path conf, Path dir, int port) throws Exception {
        Process process = new ProcessBuilder(NGINX.toString(), "-c", conf.toString(), "-p", dir.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited; see " + dir.resolve("nginx.out") + " and error.log");
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        stop(process);
        throw new IllegalStateException("nginx did not listen on " + port + " within 20 s; see " + dir);
    }

    public int port() {
        return port;
    }

    public URL base() throws IOException {
        return URI.create("http://127.0.0.1:" + port + "/").toURL();
    }

    /** The nginx master; its workers are its children. */
    public ProcessHandle handle() {
        return process.toHandle();
    }


    @Override
    public void close() {
        stop(process);
    }

    /**
     * SIGTERM to the master, which stops its workers; forced after 10 s. (Killing a worker alone would make the
     * master start another, which could outlive it.)
     */
    public static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        workers.forEach(ProcessHandle::destroyForcibly);
    }
}
