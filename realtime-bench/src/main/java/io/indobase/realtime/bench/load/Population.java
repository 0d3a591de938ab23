package io.indobase.realtime.bench.load;

import io.indobase.realtime.bench.client.WsConnection;
import io.indobase.realtime.bench.client.WsEngine;
import io.indobase.realtime.bench.client.WsFrames;
import io.indobase.realtime.bench.peer.Peer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.HdrHistogram.Histogram;

/**
 * A set of subscribers opened together, at most {@link #IN_FLIGHT} handshakes at a time (the server's listen
 * backlog is 4096 here). Engine thread only, but for {@link #done}.
 */
final class Population {

    static final int IN_FLIGHT = 256;
    private final WsEngine engine;
    private final Peer peer;
    private final Addresses addresses;
    private final InetSocketAddress server;
    private final Subscribers handler;
    private final int count;
    private final int firstIndex;
    private final int teams;
    private final int stallPercent;
    /** Churn: connections are opened one by one ({@link #openOne}) and closed as soon as they are ready. */
    final boolean churn;
    final List<WsConnection> connections = new ArrayList<>();
    final Histogram setup = new Histogram(120_000_000L, 3);
    final CompletableFuture<String> done = new CompletableFuture<>();
    private int next;
    private int inFlight;
    private int ready;
    private int failed;
    private String firstFailure;

    Population(WsEngine engine, Peer peer, Addresses addresses, InetSocketAddress server, Subscribers handler,
               int count, int firstIndex, int teams, int stallPercent, boolean churn) {
        this.engine = engine;
        this.peer = peer;
        this.addresses = addresses;
        this.server = server;
        this.handler = handler;
        this.count = count;
        this.firstIndex = firstIndex;
        this.teams = teams;
        this.stallPercent = stallPercent;
        this.churn = churn;
    }

    void start() {
        while (!churn && inFlight < IN_FLIGHT && next < count) {
            openOne();
        }
        if (count == 0) {
            finish();
        }
    }

    /** Opens the next connection, if any is left. */
    void openOne() {
        if (next < count) {
            int index = firstIndex + next++;
            int team = teams > 0 ? index % teams : -1;
            boolean stall = index % 100 < stallPercent;
            Subscriber subscriber = new Subscriber(index, team, stall, this);
            inFlight++;
            byte[] upgrade = WsFrames.upgrade(server.getHostString(), server.getPort(), peer.target(index, team),
                    peer.headers(index, team));
            WsConnection connection = engine.connect(addresses.next(), server, upgrade, stall ? 4096 : 0, handler, subscriber);
            if (!churn) {
                connections.add(connection);
            }
        }
    }

    void ready(Subscriber subscriber) {
        setup.recordValue(Math.min((System.nanoTime() - subscriber.started) / 1000, setup.getHighestTrackableValue()));
        ready++;
        inFlight--;
        start();
        finish();
    }

    void failed(Subscriber subscriber, String why) {
        if (firstFailure == null) {
            firstFailure = why;
        }
        failed++;
        inFlight--;
        start();
        finish();
    }

    private void finish() {
        if (ready + failed == count && !done.isDone()) {
            done.complete("ok=" + ready + " failed=" + failed + " p50=" + setup.getValueAtPercentile(50)
                    + " p99=" + setup.getValueAtPercentile(99) + " max=" + setup.getMaxValue()
                    + (firstFailure == null ? "" : " first-failure=" + firstFailure.replaceAll("\\s+", "_")));
        }
    }

    /** Closes every connection (the subscriber counts no cut-off for these). */
    void close() {
        close(engine, connections);
        connections.clear();
    }

    /** Closes subscribers on purpose: their ends count as no cut-off. */
    static void close(WsEngine engine, Iterable<WsConnection> connections) {
        for (WsConnection connection : connections) {
            Subscriber subscriber = connection.attachment();
            subscriber.closing = true;
            engine.close(connection);
        }
    }
}
