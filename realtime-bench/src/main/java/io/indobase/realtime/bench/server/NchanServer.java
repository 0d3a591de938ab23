package io.indobase.realtime.bench.server;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * nginx with the nchan module (Debian {@code libnginx-mod-nchan}), one worker as our node has one core: WebSocket
 * subscribers on {@code /sub/<channel>}, HTTP publishers on {@code /pub/<channel>}, loopback only.
 */
public final class NchanServer implements AutoCloseable {

    public static final Path MODULE = Path.of("/usr/lib/nginx/modules/ngx_nchan_module.so");
    private final Path dir;
    private final int port;
    private Process process;

    public NchanServer(Path dir, int port) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
    }

    public static boolean installed() {
        return Files.exists(MODULE) && Files.isExecutable(Path.of("/usr/sbin/nginx"));
    }

    public int port() {
        return port;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public NchanServer start() throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, String.join("\n",
                "load_module " + MODULE + ";",
                "worker_processes 1;",
                "worker_rlimit_nofile 20000;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " warn;",
                "events { worker_connections 20000; }",
                "http {",
                "  access_log off;",
                "  keepalive_requests 100000000;",
                "  keepalive_timeout 600s;",
                "  client_body_temp_path " + dir.resolve("tmp") + ";",
                "  nchan_max_reserved_memory 512M;",
                "  server {",
                "    listen 127.0.0.1:" + port + " backlog=4096;",
                "    location ~ /sub/(\\w+)$ { nchan_subscriber websocket; nchan_channel_id $1;"
                        + " nchan_subscriber_first_message newest; }",
                "    location ~ /pub/(\\w+)$ { nchan_publisher http; nchan_channel_id $1;"
                        + " nchan_message_buffer_length 10; nchan_message_timeout 60s; }",
                "  }",
                "}", ""));
        process = new ProcessBuilder("/usr/sbin/nginx", "-c", conf.toString(), "-p", dir.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited; see " + dir.resolve("nginx.out") + " and error.log");
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return this;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    /**
     * SIGTERM to the master, which stops its worker; forced only after 10 s. (Killing the worker first would make the
     * master start another one, which outlives it.)
     */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        java.util.List<ProcessHandle> workers = process.descendants().toList();
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
