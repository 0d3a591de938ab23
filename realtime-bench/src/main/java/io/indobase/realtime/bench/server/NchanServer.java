package io.indobase.realtime.bench.server;

import io.indobase.realtime.testkit.Balancer;
import java.nio.file.Files;
import java.nio.file.Path;

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
        process = Balancer.launch(conf, dir, port);
        return this;
    }

    /** Stops nginx as the test kit's balancer does (the master first, so no worker outlives it). */
    @Override
    public void close() {
        Balancer.stop(process);
    }
}
