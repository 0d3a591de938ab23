package io.indobase.realtime.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.ArtemisProcess;
import io.indobase.realtime.testkit.MicroNode;
import io.indobase.realtime.testkit.WsClient;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The set-up of the tests that put faults under load: a broker process of their own and a durable node on it (a
 * fixed client id, so what is published while the node is down waits for it on the broker), with the per-address
 * limits raised above the thousand loopback sockets the tests hold. The sockets share a few HTTP clients.
 */
final class FaultRig implements AutoCloseable {

    final ArtemisProcess broker;
    final MicroNode node;
    /** One per handshake thread: a JDK HTTP client opens its WebSockets one after the other. */
    private final HttpClient[] http = {HttpClient.newHttpClient(), HttpClient.newHttpClient(), HttpClient.newHttpClient(),
        HttpClient.newHttpClient(), HttpClient.newHttpClient(), HttpClient.newHttpClient(), HttpClient.newHttpClient(),
        HttpClient.newHttpClient()};
    private final List<WsClient> sockets = new ArrayList<>();

    private FaultRig(ArtemisProcess broker, MicroNode node) {
        this.broker = broker;
        this.node = node;
    }

    /**
     * A started broker and a ready node on it.
     *
     * @param sockets how many sockets the test holds at once: the node's per-address limits are set above it
     * @param settings more node settings, or ones that replace these defaults
     */
    static FaultRig start(String name, int sockets, Map<String, String> settings) throws Exception {
        ArtemisProcess broker = ArtemisProcess.createFromBuild(name, MicroNode.freePort()).start();
        Map<String, String> all = new HashMap<>(broker.nodeProperties());
        all.put("realtime.jms.subscription-durability", "Durable");
        all.put("realtime.jms.client-id", "it-" + name);
        all.put("realtime.health.probe-interval-ms", "500");
        all.put("realtime.limits.connections-per-ip-per-minute", Integer.toString(4 * sockets));
        all.put("realtime.security.sockets-per-address", Integer.toString(2 * sockets));
        // -Dit.write-path=tyrus|standard runs the faults under load on a fallback write path (ADR 0011)
        String writePath = System.getProperty("it.write-path");
        if (writePath != null) {
            all.put("realtime.transport.write-path", writePath);
        }
        all.putAll(settings);
        try {
            MicroNode node = MicroNode.of(name, all).start();
            FaultRig rig = new FaultRig(broker, node);
            assertTrue(node.awaitReady(90, TimeUnit.SECONDS), "the node is ready");
            return rig;
        } catch (Exception | AssertionError e) {
            broker.close();
            throw e;
        }
    }

    /** One socket with the given query, its {@code connected} frame read; the rig closes it. */
    WsClient connect(String query) throws Exception {
        WsClient client = WsClient.connect(http[(int) (Thread.currentThread().getId() % http.length)], node.base(), query);
        JsonObject first = client.next(30, TimeUnit.SECONDS);
        assertNotNull(first, () -> "no frame; close code " + client.closeCode(1, TimeUnit.SECONDS)); // a message computed only on failure
        assertEquals("connected", first.getString("type"), first.toString());
        synchronized (sockets) {
            sockets.add(client);
        }
        return client;
    }

    /**
     * {@code count} sockets, socket i with the query {@code query.apply(i)}, eight handshakes at a time: one by one, a
     * loaded machine takes minutes for a thousand.
     */
    List<WsClient> connect(int count, IntFunction<String> query) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<WsClient>> handshakes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String q = query.apply(i);
                handshakes.add(pool.submit(() -> connect(q)));
            }
            List<WsClient> clients = new ArrayList<>();
            long started = System.nanoTime();
            for (Future<WsClient> handshake : handshakes) {
                clients.add(handshake.get(120, TimeUnit.SECONDS));
            }
            System.out.printf("%d sockets connected in %d ms%n", count,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return clients;
        } finally {
            pool.shutdownNow();
        }
    }

    /** For a failure message: how the client's socket ended, and what the node logged about its sockets. */
    String diagnosis(WsClient client) {
        int code = client.closeCode(1, TimeUnit.SECONDS);
        String transport = node.log().lines().filter(line -> line.contains("RT-TRN-"))
                .limit(20).collect(java.util.stream.Collectors.joining("\n"));
        Throwable error = client.error();
        return "close code " + code + (error == null ? "" : " (" + error + (error.getCause() == null ? "" : ", from "
                + error.getCause()) + ")") // the JDK's ProtocolException says what was wrong only in its cause
                + "; the node's transport log:\n" + (transport.isEmpty() ? "(nothing)" : transport);
    }

    @Override
    public void close() {
        synchronized (sockets) {
            sockets.forEach(WsClient::close);
        }
        node.close();
        broker.close();
    }
}
