package io.indobase.realtime.client;

import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket of a {@link Link}: assembles text frames, reads one message at a time (the next only when the
 * listener queue has room), serialises sends (java.net.http allows one at a time) and reports its end once.
 */
final class Socket implements WebSocket.Listener {

    private final Link link;
    private final Dispatcher dispatcher;
    private final StringBuilder text = new StringBuilder();
    private volatile WebSocket webSocket;
    private volatile boolean ended;
    private volatile long lastHeard = System.nanoTime();
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private volatile ScheduledFuture<?> beat;

    /** Written and read under the link's lock. */
    boolean connected;
    /** The last {@code error} frame: a close that follows it is explained by its message. */
    RealtimeException lastError;

    Socket(Link link, Dispatcher dispatcher) {
        this.link = link;
        this.dispatcher = dispatcher;
    }

    long lastHeard() {
        return lastHeard;
    }

    /** Starts the opening handshake with the credential's headers; a refusal or a failure ends the socket. */
    void open(Settings settings, URI uri) {
        WebSocket.Builder builder = settings.http().newWebSocketBuilder().connectTimeout(settings.connectTimeout());
        try {
            settings.credentials().headers().forEach(builder::header);
        } catch (RuntimeException e) {
            link.lost(this, 0, "no credential: " + e.getMessage());
            return;
        }
        builder.buildAsync(uri, this).whenComplete((socket, failed) -> {
            Throwable failure = failed instanceof CompletionException ? failed.getCause() : failed;
            if (failure instanceof WebSocketHandshakeException refused) {
                int status = refused.getResponse().statusCode();
                // a refused credential: retrying cannot help, as after close 1008
                link.lost(this, status == 401 || status == 403 ? 1008 : 1006, "the server answered the handshake with HTTP " + status);
            } else if (failure != null) {
                link.lost(this, 1006, "cannot connect: " + failure);
            }
        });
    }

    @Override
    public void onOpen(WebSocket socket) {
        webSocket = socket;
        socket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        lastHeard = System.nanoTime();
        text.append(data);
        if (!last) {
            socket.request(1);
            return null;
        }
        String message = text.toString();
        text.setLength(0);
        if (link.received(this, message)) {
            socket.request(1);
        } else {
            dispatcher.whenRoom(() -> socket.request(1));
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
        lastHeard = System.nanoTime();
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket socket, ByteBuffer message) {
        // the implementation answers with a pong by itself
        lastHeard = System.nanoTime();
        dispatcher.whenRoom(() -> socket.request(1));
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket socket, ByteBuffer message) {
        lastHeard = System.nanoTime();
        dispatcher.whenRoom(() -> socket.request(1));
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        link.lost(this, statusCode, reason);
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        link.lost(this, 1006, "the connection failed: " + error);
    }

    /**
     * Pings every interval; when nothing at all (a pong, an event) arrived within the timeout of a ping, the peer or
     * the path is gone, unless the client itself stopped reading because its listener queue is full.
     */
    void beat(ScheduledExecutorService timers, Heartbeat heartbeat) {
        long interval = heartbeat.interval().toMillis();
        long timeout = heartbeat.timeout().toMillis();
        beat = timers.scheduleAtFixedRate(() -> {
            long sent = System.nanoTime();
            if (link.ping(this)) {
                timers.schedule(() -> {
                    if (lastHeard - sent < 0 && !dispatcher.paused()) {
                        link.lost(this, 1006, "no answer to a ping within " + timeout + " ms");
                    }
                }, timeout, TimeUnit.MILLISECONDS);
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Sends after whatever is being sent; a failed send ends the socket. */
    synchronized void send(String message) {
        WebSocket socket = webSocket;
        if (socket == null || ended) {
            return;
        }
        sending = sending.handle((done, failed) -> null)
                .thenCompose(nothing -> socket.sendText(message, true))
                .whenComplete((done, failed) -> {
                    if (failed != null) {
                        link.lost(this, 1006, "a send failed: " + failed);
                    }
                });
    }

    /** Drops the connection at once (no close handshake): for a lost peer. */
    void abort() {
        ended = true;
        stopBeating();
        WebSocket socket = webSocket;
        if (socket != null) {
            socket.abort();
        }
    }

    /** Closes with 1000, then drops the connection if the server has not closed it within {@code timeout}. */
    void close(Duration timeout) {
        WebSocket socket = webSocket;
        ended = true;
        stopBeating();
        if (socket == null) {
            return;
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "")
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((done, failed) -> socket.abort());
    }

    private void stopBeating() {
        ScheduledFuture<?> scheduled = beat;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
