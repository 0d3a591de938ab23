package io.indobase.realtime.client;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One subscription of a {@link RealtimeClient}: its channels, its queries and its listener. It lives until {@link
 * #close()}, across reconnects: the client sends it again on every new socket.
 */
public final class Subscription implements AutoCloseable {

    private final Link link;
    private final String id;
    private final EventListener listener;
    private final CompletableFuture<Subscription> ready = new CompletableFuture<>();
    private volatile List<String> channels;
    private volatile List<String> queries;

    Subscription(Link link, List<String> channels, List<String> queries, EventListener listener) {
        this.link = link;
        this.id = newId();
        this.listener = Objects.requireNonNull(listener, "listener");
        set(channels, queries);
    }

    /** A client-chosen id in Appwrite's CustomId shape: 20 hex digits. */
    private static String newId() {
        byte[] bytes = new byte[10];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void set(List<String> channels, List<String> queries) {
        List<String> checkedChannels = List.copyOf(channels);
        List<String> checkedQueries = List.copyOf(queries);
        if (checkedChannels.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs at least one channel");
        }
        this.channels = checkedChannels;
        this.queries = checkedQueries;
    }

    public String id() {
        return id;
    }

    public List<String> channels() {
        return channels;
    }

    public List<String> queries() {
        return queries;
    }

    EventListener listener() {
        return listener;
    }

    /**
     * Completes when the server first confirmed the subscription; fails with the server's {@link RealtimeException}
     * when it refused it (an invalid query, over a limit). Events may be published for it from then on.
     */
    public CompletableFuture<Subscription> ready() {
        return ready;
    }

    void confirmed() {
        ready.complete(this);
    }

    void refused(RealtimeException error) {
        ready.completeExceptionally(error);
    }

    /** Replaces the channels and queries (the server replaces them too: an upsert by id). */
    public void update(List<String> channels, List<String> queries) {
        set(channels, queries);
        link.update(this);
    }

    /** Stops the subscription; the socket stays open for the client's other subscriptions. Idempotent. */
    @Override
    public void close() {
        link.unsubscribe(this);
    }
}
