package io.indobase.realtime.delivery;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A socket that keeps no frame, only what the flood test checks: how many events e1, e2… it received, whether they
 * came in order without a gap or a repeat, and how it was closed. Tens of thousands of frames to hundreds of sockets
 * would not fit the test's heap as {@link io.indobase.realtime.testkit.WsClient} queues.
 */
final class Tally implements WebSocket.Listener {

    private static final String ID = "\"$id\":\"e";

    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private volatile int last;
    private volatile String broken;
    private WebSocket socket;

    static Tally connect(HttpClient http, URL base, String query) throws Exception {
        Tally tally = new Tally();
        String ws = base.toString().replaceFirst("^http", "ws");
        tally.socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(URI.create(ws + (ws.endsWith("/") ? "" : "/") + "v1/realtime?" + query), tally)
                .get(35, TimeUnit.SECONDS);
        tally.connected.get(30, TimeUnit.SECONDS);
        return tally;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean whole) {
        partial.append(data);
        if (whole) {
            count(partial);
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    private void count(CharSequence frame) {
        String text = frame.toString();
        if (text.startsWith("{\"type\":\"connected\"")) {
            connected.complete(null);
            return;
        }
        int at = text.indexOf(ID);
        if (at < 0) {
            return; // a probe, a pong
        }
        int n = Integer.parseInt(text, at + ID.length(), text.indexOf('"', at + ID.length()), 10);
        if (n != last + 1 && broken == null) {
            broken = "e" + n + " after e" + last;
        }
        last = n;
        synchronized (this) {
            notifyAll();
        }
    }

    /** Waits until e{n} came; false when the socket closed first or the time ran out. */
    synchronized boolean await(int n, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (last < n && !closed.isDone()) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return last >= n;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        synchronized (this) {
            notifyAll();
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-2);
        synchronized (this) {
            notifyAll();
        }
    }

    /** The number of the last event received: with no gap, e1 to e{last}. */
    int last() {
        return last;
    }

    /** The first gap or repeat ("e5 after e3"), or null when the events came in order. */
    String broken() {
        return broken;
    }

    /** The close code from the server, or -1 while open. */
    int closeCode() {
        return closed.getNow(-1);
    }

    boolean closed() {
        return closed.isDone();
    }

    void close() {
        socket.abort();
    }
}
