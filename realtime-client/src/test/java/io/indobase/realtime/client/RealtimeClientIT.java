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
import java.nio.file.Files;
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

    @Test
    void eachCredentialReadsWhatItsHolderMayAndARefusedOneStaysClosed() throws Exception {
        URI endpoint = endpoint(second.port());
        String token = Tokens.forTests().token("carol", List.of(), null, 300);
        Map<String, Recorder> readers = new java.util.LinkedHashMap<>();
        List<RealtimeClient> clients = new java.util.ArrayList<>();
        try {
            for (String who : List.of("key", "jwt", "basic", "guest")) {
                Recorder recorder = new Recorder();
                RealtimeClient.Builder builder = RealtimeClient.builder().endpoint(endpoint).project(PROJECT).listener(recorder);
                switch (who) {
                    case "key" -> builder.apiKey(SecurityFixtures.SUBSCRIBE_KEY);
                    case "jwt" -> builder.jwt(token);
                    case "basic" -> builder.basic(SecurityFixtures.ALICE, SecurityFixtures.ALICE_PASSWORD);
                    default -> { }
                }
                RealtimeClient client = builder.build();
                clients.add(client);
                client.subscribe(List.of("files"), recorder).ready().get(20, TimeUnit.SECONDS);
                readers.put(who, recorder);
            }
            Recorder wrongKey = refused(clients, endpoint, b -> b.apiKey("rk_it-sub_" + "00".repeat(32)));
            Recorder wrongPassword = refused(clients, endpoint, b -> b.basic(SecurityFixtures.ALICE, "not-her-password"));

            RealtimePublisher publisher = RealtimePublisher.create(endpoint, SecurityFixtures.INGEST_KEY);
            publisher.publish(file(1, "user:carol"));
            publisher.publish(file(2, "users"));
            publisher.publish(file(3, "any"));
            for (Recorder recorder : readers.values()) {
                assertTrue(recorder.await(() -> recorder.sequence().contains(3), WAIT), "the event for anyone");
            }
            assertEquals(List.of(1, 2, 3), readers.get("key").sequence(), "a subscribe key reads every event of its project");
            assertEquals(List.of(1, 2, 3), readers.get("jwt").sequence(), "carol reads hers, the users' and anyone's");
            assertEquals(List.of(2, 3), readers.get("basic").sequence(), "alice reads the users' and anyone's");
            assertEquals(List.of(3), readers.get("guest").sequence(), "a guest reads anyone's");

            assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.CLOSED), wrongKey.states(), "no retry");
            StateChange closed = wrongKey.changes().get(1);
            assertEquals(1008, closed.closeCode());
            assertTrue(closed.reason().startsWith("Invalid API key"), closed.reason());
            assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.CLOSED), wrongPassword.states());
            assertTrue(wrongPassword.changes().get(1).reason().contains("HTTP 401"), wrongPassword.changes().toString());

            PublishException noScope = assertThrows(PublishException.class, () ->
                    RealtimePublisher.create(endpoint, SecurityFixtures.SUBSCRIBE_KEY).publish(file(4, "any")));
            assertEquals(403, noScope.status());
            assertTrue(noScope.getMessage().contains("may not ingest"), noScope.getMessage());
        } finally {
            clients.forEach(RealtimeClient::close);
        }
    }

    /** A client whose credential the server refuses: it ends CLOSED. */
    private static Recorder refused(List<RealtimeClient> clients, URI endpoint,
                                    java.util.function.UnaryOperator<RealtimeClient.Builder> credential) throws Exception {
        Recorder recorder = new Recorder();
        RealtimeClient client = credential.apply(RealtimeClient.builder().endpoint(endpoint).project(PROJECT)
                .listener(recorder).backoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(100), 2, 0))).build();
        clients.add(client);
        client.subscribe(List.of("files"), recorder);
        assertTrue(recorder.await(() -> client.state() == ConnectionState.CLOSED, WAIT), recorder.changes().toString());
        return recorder;
    }

    @Test
    void theJavaProgramOfTheClientDocsRunsAsWrittenAndPrintsWhatTheyShow() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "clients.md"));
        String program = block(docs, "```java\n(.*?public static void main.*?)\n```");
        String printed = block(docs, "It prints\\s*```\\n(.*?)\\n```");
        Path file = Path.of("target", "docs", "HelloRealtime.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, program);
        ProcessBuilder run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", "target/realtime-client.jar:target/lib/*", file.toString())
                .redirectError(Path.of("target", "docs", "stderr.txt").toFile());
        // the docs' key is for project demo with both scopes; the test servers have one for project elsewhere
        run.environment().putAll(Map.of("REALTIME_ENDPOINT", endpoint(second.port()).toString(),
                "REALTIME_PROJECT", "elsewhere", "REALTIME_KEY", SecurityFixtures.OTHER_PROJECT_KEY));
        Process process = run.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the program did not end");
        assertEquals(0, process.exitValue(), output + Files.readString(Path.of("target", "docs", "stderr.txt")));
        assertEquals(printed, output.strip());
    }

    private static String block(String text, String regex) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.DOTALL).matcher(text);
        assertTrue(matcher.find(), "docs/clients.md has no " + regex);
        return matcher.group(1);
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
