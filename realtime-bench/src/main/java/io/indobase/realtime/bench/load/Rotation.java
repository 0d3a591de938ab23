package io.indobase.realtime.bench.load;

import io.indobase.realtime.bench.client.WsConnection;
import io.indobase.realtime.bench.client.WsEngine;
import io.indobase.realtime.bench.peer.Peer;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The soak's churn: the subscribers this process already holds are closed and reopened, {@code perSecond} a second
 * in ten steps a second, oldest first, so the process keeps holding as many as it had. Each reopened subscriber is a
 * new connection with a new index (a small population of its own, dropped once all of it has been closed again).
 * Engine thread only.
 */
final class Rotation {

    private final WsEngine engine;
    private final Peer peer;
    private final Addresses addresses;
    private final InetSocketAddress server;
    private final Subscribers handler;
    private final int perSecond;
    private final Deque<WsConnection> open = new ArrayDeque<>();
    private final Histogram setup = new Histogram(120_000_000L, 3);
    private int nextIndex;
    private long ticks;
    private long closed;
    private long reopened;
    private long failed;
    private int pending;
    private String firstFailure;

    Rotation(WsEngine engine, Peer peer, Addresses addresses, InetSocketAddress server, Subscribers handler,
             int perSecond, int firstIndex, List<Population> held) {
        this.engine = engine;
        this.peer = peer;
        this.addresses = addresses;
        this.server = server;
        this.handler = handler;
        this.perSecond = perSecond;
        this.nextIndex = firstIndex;
        held.forEach(population -> open.addAll(population.connections));
    }

    /** One tenth of a second: closes the oldest and opens as many new subscribers. */
    void tick() {
        ticks++;
        int due = (int) (ticks * perSecond / 10 - (ticks - 1) * perSecond / 10);
        for (int i = 0; i < due && !open.isEmpty(); i++) {
            Population.close(engine, List.of(open.poll()));
            closed++;
        }
        Population batch = new Population(engine, peer, addresses, server, handler, due, nextIndex, -1, 0, false);
        nextIndex += due;
        pending++;
        batch.done.thenAccept(result -> finished(batch, result)); // completes on the engine thread
        batch.start();
        open.addAll(batch.connections);
    }

    private void finished(Population batch, String result) {
        pending--;
        java.util.Map<String, String> f = new java.util.HashMap<>();
        for (String part : result.split(" ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                f.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        reopened += Long.parseLong(f.getOrDefault("ok", "0"));
        failed += Long.parseLong(f.getOrDefault("failed", "0"));
        if (firstFailure == null) {
            firstFailure = f.get("first-failure");
        }
        setup.add(batch.setup);
    }

    /** Whether every reopened subscriber has either subscribed or failed. */
    boolean settled() {
        return pending == 0;
    }

    /** The churn's counts; {@code cutOff} is the subscribers of this process the server closed. */
    String summary(long cutOff) {
        return "closed=" + closed + " reopened=" + reopened + " failed=" + failed + " cutoff=" + cutOff
                + " held=" + open.stream().filter(WsConnection::isOpen).count()
                + " p50=" + setup.getValueAtPercentile(50) + " p99=" + setup.getValueAtPercentile(99)
                + " max=" + setup.getMaxValue() + (firstFailure == null ? "" : " first-failure=" + firstFailure);
    }

    /** Closes every subscriber still open (the subscribers count no cut-off for these). */
    void close() {
        Population.close(engine, open);
        open.clear();
    }
}
