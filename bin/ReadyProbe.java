import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Proves the whole event path of a running node before bin/realtime says it is ready: subscribes over the
 * WebSocket to project {@code _ready}, publishes probe envelopes over STOMP until one comes back as an event.
 * The events MDB connects to the broker asynchronously after deployment, so "deployed" is not "ready".
 *
 * <p>Usage: {@code java bin/ReadyProbe.java <http-port> <stomp-port> <timeout-seconds>}; exit 0 when ready.
 */
public class ReadyProbe {

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[0]);
        int stompPort = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        CompletableFuture<Void> event = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + httpPort + "/v1/realtime?project=_ready&channels%5B%5D=files"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                if (data.toString().startsWith("{\"type\":\"event\"")) {
                                    event.complete(null);
                                }
                                ws.request(1);
                                return null;
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        while (System.nanoTime() < deadline) {
            publishProbe(stompPort);
            try {
                event.get(500, TimeUnit.MILLISECONDS);
                socket.abort();
                return;
            } catch (java.util.concurrent.TimeoutException notYet) {
                // the consumer is not subscribed yet: try again
            }
        }
        System.err.println("no probe event came back before the timeout");
        System.exit(1);
    }

    private static void publishProbe(int stompPort) throws Exception {
        String envelope = "{\"project\":\"_ready\",\"event\":\"buckets.ready.files.probe.create\","
                + "\"payload\":{},\"permissions\":[\"read(\\\"any\\\")\"]}";
        try (Socket stomp = new Socket("127.0.0.1", stompPort)) {
            OutputStream out = stomp.getOutputStream();
            InputStream in = stomp.getInputStream();
            out.write("CONNECT\naccept-version:1.2\nhost:localhost\n\n\0".getBytes(StandardCharsets.UTF_8));
            readFrame(in);
            out.write(("SEND\ndestination:indobase.realtime.events\ndestination-type:MULTICAST\nreceipt:p\n\n"
                    + envelope + "\0").getBytes(StandardCharsets.UTF_8));
            readFrame(in);
            out.write("DISCONNECT\nreceipt:d\n\n\0".getBytes(StandardCharsets.UTF_8));
            readFrame(in);
        }
    }

    private static void readFrame(InputStream in) throws Exception {
        int b;
        while ((b = in.read()) > 0) {
            // a STOMP frame ends with NUL
        }
    }
}
