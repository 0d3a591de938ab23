package io.indobase.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.ArtemisProcess;
import io.indobase.realtime.testkit.MicroNode;
import io.indobase.realtime.testkit.SecurityFixtures;
import io.indobase.realtime.testkit.Tokens;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java client against the packaged WAR on two Payara Micro nodes fed by one real Artemis broker process, reached
 * through a relay that plays the network: sockets reset, a path that goes silent, a node that stops and comes back.
 */
class RealtimeClientIT {

    private static final String PROJECT = SecurityFixtures.PROJECT;
    private static final Duration WAIT = Duration.ofSeconds(20);

    static ArtemisProcess broker;
    static MicroNode first;
    static MicroNode second;

    @BeforeAll
    static void startBrokerAndNodes() throws Exception {
        broker = ArtemisProcess.createFromBuild("client-it", MicroNode.freePort()).start();
        Map<String, String> settings = new HashMap<>(broker.nodeProperties());
        settings.put("realtime.keys", SecurityFixtures.KEYS_CONFIG);
        settings.put("mp.jwt.verify.publickey", Tokens.forTests().publicKeyBase64());
        settings.put("mp.jwt.verify.issuer", Tokens.ISSUER);
        first = node("a", settings);
        second = node("b", settings);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> start(first));
        start(second);
        a.join();
        assertTrue(first.awaitReady(60, TimeUnit.SECONDS) && second.awaitReady(60, TimeUnit.SECONDS), "nodes not ready");
    }

    private static MicroNode node(String name, Map<String, String> settings) throws Exception {
        Path it = Path.of("target", "it");
        return new MicroNode(it.resolve("payara-micro.jar"), it.resolve("artemis-rar.rar"), it.resolve("realtime-web.war"),
                Path.of("target", "nodes", name), settings);
    }

    private static void start(MicroNode node) {
        try {
            node.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopEverything() {
        for (AutoCloseable running : new AutoCloseable[] {first, second, broker}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception e) {
                // the shutdown hooks kill what is left
            }
        }
    }

    static URI endpoint(int port) {
        return URI.create("http://127.0.0.1:" + port + "/v1");
    }

    static Envelope file(int seq, String... readers) {
        JsonObject payload = Protocol.JSON.createObjectBuilder().add("$id", "f" + seq).add("seq", seq).build();
        return Envelope.of(PROJECT, "buckets.b1.files.f" + seq + ".create", payload, readers);
    }

    @Test
    void aSubscriberGetsEveryEventOnceInOrderAcrossAResetAStalledPathAndANodeRestart() throws Exception {
        Recorder recorder = new Recorder();
        RealtimePublisher publisher = RealtimePublisher.create(endpoint(second.port()), SecurityFixtures.INGEST_KEY);
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger published = new AtomicInteger();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TcpRelay relay = new TcpRelay(List.of(first.port(), second.port()));
             RealtimeClient client = RealtimeClient.builder().endpoint(endpoint(relay.port())).project(PROJECT)
                     .apiKey(SecurityFixtures.SUBSCRIBE_KEY).listener(recorder)
                     .heartbeat(new Heartbeat(Duration.ofSeconds(3), Duration.ofMillis(1500)))
                     .backoff(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), 2, 0.5))
                     .connectTimeout(Duration.ofSeconds(3)).build()) {
            client.subscribe(List.of("files"), recorder).ready().get(20, TimeUnit.SECONDS);
            // one producer, one event every 25 ms, readable by users only: the key reads every event of its project
            pace.scheduleAtFixedRate(() -> {
                try {
                    publisher.publish(file(published.incrementAndGet(), "users"));
                } catch (PublishException e) {
                    failures.add(e);
                }
            }, 0, 25, TimeUnit.MILLISECONDS);
            awaitMoreEvents(recorder, 20);

            relay.cut();
            awaitReopened(recorder, 2);
            awaitMoreEvents(recorder, 20);

            relay.stall();
            awaitReopened(recorder, 3);
            awaitMoreEvents(recorder, 20);

            // the node the client is on stops (close 1001): the relay takes it to the other node
            first.stop(30, TimeUnit.SECONDS);
            awaitReopened(recorder, 4);
            awaitMoreEvents(recorder, 20);
            assertEquals(second.port(), last(relay.relayed()), "the client went on on the other node");

            // the node comes back; once it consumes the topic, the client is moved back to it
            first.start();
            assertTrue(first.awaitReady(60, TimeUnit.SECONDS), "the restarted node is not ready");
            awaitMoreEvents(recorder, 20);
            long opens = recorder.opens();
            relay.cut();
            awaitReopened(recorder, opens + 1);
            awaitMoreEvents(recorder, 20);
            assertEquals(first.port(), last(relay.relayed()), "the client is back on the restarted node");

            pace.shutdown();
            assertTrue(pace.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(List.of(), failures, "every publish was accepted");
            int total = published.get();
            assertTrue(recorder.await(() -> recorder.eventCount() >= total, WAIT),
                    "received " + recorder.eventCount() + " of " + total);
            assertEquals(IntStream.rangeClosed(1, total).boxed().toList(), recorder.sequence(),
                    "every event once, in order");
            assertTrue(recorder.resumptions().size() >= 4 && recorder.resumptions().stream().allMatch(Resumption::resumed),
                    "every reconnect resumed: " + recorder.resumptions());
            assertEquals(ConnectionState.OPEN, client.state());
        } finally {
            pace.shutdownNow();
        }
        System.out.println("[client-it] " + published.get() + " events, states " + recorder.states()
                + ", resumptions " + recorder.resumptions().stream().map(Resumption::replayed).toList());
    }

    private static void awaitMoreEvents(Recorder recorder, int more) throws InterruptedException {
        int target = recorder.eventCount() + more;
        assertTrue(recorder.await(() -> recorder.eventCount() >= target, WAIT),
                "events stopped at " + recorder.eventCount() + "; states " + recorder.states() + ", errors " + recorder.errors());
    }

    private static void awaitReopened(Recorder recorder, long opens) throws InterruptedException {
        assertTrue(recorder.await(() -> recorder.opens() >= opens && recorder.resumptions().size() >= opens - 1, WAIT),
                "not open again: " + recorder.changes());
    }

    private static int last(List<Integer> values) {
        return values.get(values.size() - 1);
    }
}
