package io.indobase.realtime.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket test client (JDK HttpClient) that queues every text frame and the close code. */
public final class WsClient implements WebSocket.Listener, AutoCloseable {

    /** Looked up once: {@code Json.createReader} finds the JSON-P provider again on every call. */
    private static final JsonReaderFactory JSON = Json.createReaderFactory(java.util.Map.of());

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private volatile Throwable error;

    private WsClient(HttpClient http, URI uri, String... headers) throws Exception {
        // generous: a cold server on a loaded 2-core machine takes seconds for a burst of handshakes
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        socket = builder.buildAsync(uri, this).get(35, TimeUnit.SECONDS);
    }

    /**
     * Connects to {@code /v1/realtime} under the deployment's base URL with the given query string.
     *
     * @param headers handshake headers as name, value, name, value…
     */
    public static WsClient connect(URL base, String query, String... headers) throws Exception {
        return connect(HttpClient.newHttpClient(), base, query, headers);
    }

    /**
     * As {@link #connect(URL, String, String...)}, through a given HTTP client: tests that hold a thousand sockets
     * share one, since each client has its own selector thread.
     */
    public static WsClient connect(HttpClient http, URL base, String query, String... headers) throws Exception {
        String ws = base.toString().replaceFirst("^http", "ws");
        return new WsClient(http, URI.create(ws + (ws.endsWith("/") ? "" : "/") + "v1/realtime?" + query), headers);
    }

    /**
     * The HTTP status of a handshake the server refuses (e.g. 401 for bad credentials), or 101 when it upgrades.
     *
     * @param headers handshake headers as name, value, name, value…
     */
    public static int handshakeStatus(URL base, String query, String... headers) throws Exception {
        try (WsClient client = connect(base, query, headers)) {
            return 101;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
    }

    /** The next frame as JSON, or null after the timeout. */
    public JsonObject next(long timeout, TimeUnit unit) throws InterruptedException {
        String frame = frames.poll(timeout, unit);
        if (frame == null) {
            return null;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(frame))) {
            return reader.readObject();
        }
    }

    public JsonObject next() throws InterruptedException {
        return next(10, TimeUnit.SECONDS);
    }

    /** The close code the server sent, or -1 if it did not close within the timeout. */
    public int closeCode(long timeout, TimeUnit unit) {
        try {
            return closed.get(timeout, unit);
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        this.error = error;
        closed.complete(-2);
    }

    /** What ended the socket on the client's side (close code -2), for a failure message; null if nothing did. */
    public Throwable error() {
        return error;
    }

    /**
     * Closes with 1000 and waits for the server's close frame: Tyrus answers a close only after the endpoint's
     * {@code @OnClose} has run, so whatever the server frees on close is free when this returns.
     *
     * @return the code of the server's close frame, or -1 when none came within the timeout
     */
    public int closeAndAwait(long timeout, TimeUnit unit) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        int code = closeCode(timeout, unit);
        socket.abort();
        return code;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
