package io.indobase.realtime.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.MicroNode;
import io.indobase.realtime.testkit.StalledClient;
import io.indobase.realtime.testkit.TestBroker;
import io.indobase.realtime.testkit.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The delivery engine on a real node (the packaged WAR on Payara Micro, fed by a real Artemis broker) with small
 * limits: one order for everyone under concurrent publishers, slow-consumer isolation, resume, heartbeats.
 * Scenarios: its own, below (no shared scenario class); the event-path wait is
 * {@link io.indobase.realtime.testkit.EventPathScenarios#awaitEventPath}.
 */
@ExtendWith(TestBroker.class)
class DeliveryIT {

    static final int OUTBOX_FRAMES = 100;
    static final int OUTBOX_CHARS = 200_000;
    static MicroNode node;

    @BeforeAll
    static void startNode() throws Exception {
        node = MicroNode.of("delivery", Map.of(
                "realtime.jms.connection-parameters", "host=127.0.0.1;port=" + Integer.getInteger("it.broker.port", 61626),
                "realtime.transport.outbox-frames", Integer.toString(OUTBOX_FRAMES),
                "realtime.transport.outbox-bytes", Integer.toString(OUTBOX_CHARS),
                "realtime.transport.send-timeout-ms", "4000",
                "realtime.heartbeat.ping-interval-ms", "1000",
                "realtime.heartbeat.idle-timeout-ms", "10000")).start();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    static String event(String project, String id, String readRole, int padding) {
        return Json.createObjectBuilder()
                .add("project", project)
                .add("event", "buckets.photos.files." + id + ".create")
                .add("payload", Json.createObjectBuilder().add("$id", id).add("pad", "x".repeat(padding)))
                .add("permissions", Json.createArrayBuilder().add("read(\"" + readRole + "\")"))
                .build().toString();
    }

    /** Payload ids of the next {@code count} event frames. */
    static List<String> events(WsClient client, int count, long timeoutSeconds) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (ids.size() < count && System.nanoTime() < deadline) {
            JsonObject frame = client.next(1, TimeUnit.SECONDS);
            if (frame != null && frame.getString("type").equals("event")) {
                String id = frame.getJsonObject("data").getJsonObject("payload").getString("$id");
                if (!id.equals("probe")) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    static WsClient subscribed(String project) throws Exception {
        WsClient client = WsClient.connect(node.base(), "project=" + project + "&" + EventPathScenarios.FILES);
        assertEquals("connected", client.next().getString("type"));
        return client;
    }

    @Test
    void everyClientGetsEveryEventInTheSameOrderAndEachPublishersOrderIsKept() throws Exception {
        List<WsClient> clients = List.of(subscribed("order"), subscribed("order"), subscribed("order"));
        try {
            for (WsClient client : clients) {
                EventPathScenarios.awaitEventPath(client, "order");
            }
            int publishers = 4;
            int each = 40;
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                int publisher = p;
                running.add(CompletableFuture.runAsync(() -> {
                    for (int n = 0; n < each; n++) {
                        TestBroker.publish(event("order", "p" + publisher + "-" + n, "any", 0));
                    }
                }));
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            List<String> first = events(clients.get(0), publishers * each, 30);
            assertEquals(publishers * each, new HashSet<>(first).size(), "every event, once");
            for (int p = 0; p < publishers; p++) {
                String prefix = "p" + p + "-";
                List<String> own = first.stream().filter(id -> id.startsWith(prefix)).toList();
                assertEquals(java.util.stream.IntStream.range(0, each).mapToObj(n -> prefix + n).toList(), own);
            }
            assertEquals(first, events(clients.get(1), publishers * each, 30));
            assertEquals(first, events(clients.get(2), publishers * each, 30));
        } finally {
            clients.forEach(WsClient::close);
        }
    }

    @Test
    void aClientThatStopsReadingIsCutOffAndNeverDelaysTheOthers() throws Exception {
        try (WsClient healthy = subscribed("slow"); WsClient other = subscribed("slow")) {
            EventPathScenarios.awaitEventPath(healthy, "slow");
            StalledClient stalled = StalledClient.connect(node.base(), "project=slow&" + EventPathScenarios.FILES);
            // 9.6 MB: more than the kernel's socket buffers hold (up to 4 MB each way), so the outbox must act
            int count = 400;
            long start = System.nanoTime();
            for (int n = 0; n < count; n++) {
                TestBroker.publish(event("slow", "s" + n, "any", 24_000));
            }
            List<String> expected = java.util.stream.IntStream.range(0, count).mapToObj(n -> "s" + n).toList();
            assertEquals(expected, events(healthy, count, 60));
            assertEquals(expected, events(other, count, 30));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            StalledClient.Received received = stalled.readAll(15_000);
            long stalledEvents = received.frames().stream().filter(f -> f.getString("type").equals("event")).count();
            boolean errorFrame = received.frames().stream().anyMatch(f -> f.getString("type").equals("error")
                    && f.getJsonObject("data").getInt("code") == 1013);
            System.out.printf("slow consumer: healthy clients got %d events of 24 KB in %d ms; the stalled one got %d events,"
                    + " error 1013 frame: %s, close code: %d (-1: no close frame)%n", count, tookMillis, stalledEvents, errorFrame,
                    received.closeCode());
            assertTrue(stalledEvents < count, "the stalled client was cut off before the end");
            assertTrue(received.closeCode() == 1013 || received.closeCode() == StalledClient.Received.NO_CLOSE_FRAME,
                    "close " + received.closeCode());
            assertTrue(metric("realtime_dropped", "reason=\"slow_consumer\"") >= 1, "slow_consumer drops are counted");
            stalled.close();
        }
    }

    @Test
    void aDroppedClientResumesFromItsLastIdWithNoGapNoDuplicateAndNothingItMayNotRead() throws Exception {
        String lastId;
        List<String> before = new ArrayList<>();
        try (WsClient first = subscribed("resume")) {
            EventPathScenarios.awaitEventPath(first, "resume");
            TestBroker.publish(event("resume", "r1", "any", 0));
            TestBroker.publish(event("resume", "r2", "users", 0));
            TestBroker.publish(event("resume", "r3", "guests", 0));
            JsonObject frame = null;
            for (int i = 0; i < 2; i++) {
                frame = first.next();
                before.add(frame.getJsonObject("data").getJsonObject("payload").getString("$id"));
            }
            lastId = frame.getString("id");
            assertTrue(lastId.startsWith("ID:"), "a Core JMS producer's message id: " + lastId);
        }
        TestBroker.publish(event("resume", "r4", "any", 0));
        TestBroker.publish(event("resume", "r5", "users", 0));
        TestBroker.publish(event("other", "r6", "any", 0));
        TestBroker.publish(event("resume", "r7", "guests", 0));
        // whether the node has taken them off the topic yet or not, each reaches the new connection once: by replay or live

        try (WsClient second = WsClient.connect(node.base(), "project=resume&" + EventPathScenarios.FILES + "&lastEventId=" + lastId)) {
            assertEquals("connected", second.next().getString("type"));
            JsonObject answer = second.next();
            assertEquals("resume", answer.getJsonObject("data").getString("to"), answer.toString());
            assertTrue(answer.getJsonObject("data").getBoolean("resumed"), answer.toString());
            TestBroker.publish(event("resume", "r8", "any", 0));
            List<String> after = events(second, 3, 10);
            assertEquals(List.of("r1", "r3"), before);
            assertEquals(List.of("r4", "r7", "r8"), after, "the missed events it may read, then the live stream");
            assertEquals(null, second.next(500, TimeUnit.MILLISECONDS), "nothing twice");
        }
        try (WsClient stranger = WsClient.connect(node.base(), "project=resume&lastEventId=ID:unknown")) {
            stranger.next();
            stranger.send("{\"type\":\"subscribe\",\"data\":[{\"subscriptionId\":\"s\",\"channels\":[\"files\"]}]}");
            assertEquals("subscribe", stranger.next().getJsonObject("data").getString("to"));
            JsonObject answer = stranger.next().getJsonObject("data");
            assertEquals("resume", answer.getString("to"));
            assertEquals(false, answer.getBoolean("resumed"), "continuity lost is said explicitly");
        }
    }

    @Test
    void aQuietClientThatAnswersPingsStaysAndOneThatAnswersNothingIsClosedWith4408() throws Exception {
        try (WsClient quiet = WsClient.connect(node.base(), "project=idle");
             StalledClient silent = StalledClient.connect(node.base(), "project=idle")) {
            assertEquals("connected", quiet.next().getString("type"));
            // longer than the idle timeout: only the server's pings (answered by the JDK client) keep it open
            assertEquals(-1, quiet.closeCode(12, TimeUnit.SECONDS), "a quiet client that answers pings is not closed");
            quiet.send("{\"type\":\"ping\"}");
            assertEquals("pong", quiet.next().getString("type"));
            StalledClient.Received received = silent.readAll(15_000);
            assertEquals(4408, received.closeCode());
            JsonObject error = received.frames().get(received.frames().size() - 1);
            assertEquals(4408, error.getJsonObject("data").getInt("code"), error.toString());
        }
    }

    /** The value of the application metric {@code name} whose labels include {@code label}. */
    static long metric(String name, String label) {
        Matcher m = Pattern.compile("^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} ([0-9.E+]+)", Pattern.MULTILINE)
                .matcher(node.body("/metrics?scope=application"));
        assertTrue(m.find(), name + " with " + label + " not found");
        return (long) Double.parseDouble(m.group(1));
    }
}
