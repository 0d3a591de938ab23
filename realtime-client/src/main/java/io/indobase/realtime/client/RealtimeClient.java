package io.indobase.realtime.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A realtime connection for a server-side program: one WebSocket to {@code <endpoint>/realtime} for all its
 * subscriptions, opened at the first {@link #subscribe}. When the socket is lost (a network failure, a server that
 * stops, no answer to a ping) the client reconnects with jittered backoff and asks to resume from the last event it
 * queued, so its listeners see every event once, in order, as long as the server can replay them
 * ({@link ConnectionListener#onResume}). It stays closed only when {@link #close()} is called or the server refuses it
 * (close 1008: a wrong key, an expired credential, an operator's kick).
 *
 * <pre>{@code
 * try (RealtimeClient client = RealtimeClient.builder()
 *         .endpoint("http://localhost:8080/v1").project("demo").apiKey(key).build()) {
 *     client.subscribe(List.of("files"), event -> System.out.println(event.name()));
 *     ...
 * }
 * }</pre>
 *
 * Listeners run on one thread of the client's, in order. Events wait for them in a queue of {@link
 * Builder#queueCapacity} events; when it is full the client stops reading the socket until the queue is half empty,
 * so a slow listener holds the socket back instead of dropping events or filling memory. A listener slower than the
 * event rate for long makes the server cut the socket as a slow consumer (close 1013); the client then reconnects
 * and resumes, which succeeds while it missed at most half the server's outbox within the replay window, and is
 * otherwise reported as {@link Resumption#resumed()} {@code false}.
 */
public final class RealtimeClient implements AutoCloseable {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final Link link;

    private RealtimeClient(Settings settings) {
        int number = CLIENTS.incrementAndGet();
        Dispatcher dispatcher = new Dispatcher(settings.queueCapacity(), settings.listener(), "realtime-client-" + number + "-listener");
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "realtime-client-" + number + "-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.link = new Link(settings, dispatcher, timers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Subscribes to events on any of {@code channels} whose payload passes all {@code queries} (utopia Query JSON
     * strings, see {@link Query}); the socket opens now if it is not open yet.
     */
    public Subscription subscribe(List<String> channels, List<String> queries, EventListener listener) {
        Subscription subscription = new Subscription(link, channels, queries, listener);
        link.subscribe(subscription);
        return subscription;
    }

    public Subscription subscribe(List<String> channels, EventListener listener) {
        return subscribe(channels, List.of(), listener);
    }

    public ConnectionState state() {
        return link.state();
    }

    /**
     * Closes the socket (1000) and stops reconnecting; the listeners are given what is already queued (for at most a
     * second) before the listener thread ends. Idempotent.
     */
    @Override
    public void close() {
        link.close();
    }

    /** How to reach the server and who the client is; only the endpoint and the project are required. */
    public static final class Builder {

        private URI endpoint;
        private String project;
        private Credentials credentials = Credentials.NONE;
        private Backoff backoff = Backoff.DEFAULT;
        private Heartbeat heartbeat = Heartbeat.DEFAULT;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private int queueCapacity = 1024;
        private ConnectionListener listener = new ConnectionListener() { };
        private HttpClient http;

        private Builder() {
        }

        /** The API's base URL, as for the Appwrite SDKs: {@code https://host/v1} (the socket is at {@code /v1/realtime}). */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder endpoint(String endpoint) {
            return endpoint(URI.create(endpoint));
        }

        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /** An API key with the {@code subscribe} scope ({@code X-Indobase-Key}): every event of the project. */
        public Builder apiKey(String key) {
            this.credentials = new Credentials.ApiKey(key);
            return this;
        }

        /** A JWT ({@code X-Appwrite-JWT}): the events its user may read. */
        public Builder jwt(String token) {
            Objects.requireNonNull(token, "token");
            return jwt(() -> token);
        }

        /**
         * A JWT asked for on every connection: when the server closes a socket because its token expired, the
         * client reconnects with the supplier's next one.
         */
        public Builder jwt(Supplier<String> tokens) {
            this.credentials = new Credentials.Jwt(tokens);
            return this;
        }

        /** A user of the server's security realm ({@code Authorization: Basic}); use it over TLS only. */
        public Builder basic(String user, String password) {
            this.credentials = new Credentials.Basic(user, password);
            return this;
        }

        public Builder backoff(Backoff backoff) {
            this.backoff = backoff;
            return this;
        }

        public Builder heartbeat(Heartbeat heartbeat) {
            this.heartbeat = heartbeat;
            return this;
        }

        /** How long one opening handshake may take (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Events the listener queue holds before the client stops reading the socket (default 1024). */
        public Builder queueCapacity(int events) {
            this.queueCapacity = events;
            return this;
        }

        public Builder listener(ConnectionListener listener) {
            this.listener = listener;
            return this;
        }

        /** The HTTP client whose WebSockets to use (default: a new one). */
        public Builder httpClient(HttpClient http) {
            this.http = http;
            return this;
        }

        /** @throws IllegalArgumentException when a setting is missing or invalid */
        public RealtimeClient build() {
            if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("the connect timeout must be positive, got " + connectTimeout);
            }
            HttpClient client = http != null ? http : HttpClient.newBuilder().connectTimeout(connectTimeout).build();
            return new RealtimeClient(new Settings(endpoint, project, credentials, backoff, heartbeat, connectTimeout,
                    queueCapacity, listener, client));
        }
    }
}
