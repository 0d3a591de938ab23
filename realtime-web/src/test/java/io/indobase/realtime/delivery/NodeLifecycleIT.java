package io.indobase.realtime.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.WsClient;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A durable node on a real broker process, stopped (SIGTERM) while {@value #PER_SECOND} events a second stream to
 * {@value #CLIENTS} sockets in {@value #GROUPS} projects: it ends within a bounded time and closes every socket with
 * 1001 after what it had queued for it, so every socket of a project had the same events, a gap-free start of the
 * project's. Everything after that reaches the node when it starts again: what it had not taken from the broker when
 * it stopped and what was published while it was down are in its replay window, so a client can resume from them.
 * Scenarios: its own, below (no shared scenario class); the event-path wait is
 * {@link io.indobase.realtime.testkit.EventPathScenarios#awaitEventPath}.
 */
class NodeLifecycleIT {

    static final int CLIENTS = 1000;
    static final int GROUPS = 100;
    static final int PER_SECOND = 500;
    static final int LOADED_AFTER = 2000;

    @Test
    @Timeout(value = 420, unit = TimeUnit.SECONDS)
    void aDurableNodeStoppedUnderLoadFlushesWhatItQueuedAndGetsTheRestWhenItStartsAgain() throws Exception {
        try (FaultRig rig = FaultRig.start("lifecycle", CLIENTS, Map.of());
             SteadyPublisher publisher = new SteadyPublisher(rig.broker.port(), GROUPS, PER_SECOND, 100_000)) {
            List<WsClient> clients = rig.connect(CLIENTS, i -> query(publisher.groupOf(i)));
            Faults.awaitEventPath(rig.broker, clients.get(0), SteadyPublisher.group(0), 60);
            AtomicBoolean publishing = new AtomicBoolean(true);
            CountDownLatch loaded = new CountDownLatch(1);
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> publisher.publishWhile(i -> {
                if (i == LOADED_AFTER) {
                    loaded.countDown();
                }
                return publishing.get();
            }));
            assertTrue(loaded.await(60, TimeUnit.SECONDS), "the load is on");

            long stoppedIn = rig.node.stop(60, TimeUnit.SECONDS);
            int goingAway = 0;
            for (WsClient client : clients) {
                goingAway += client.closeCode(10, TimeUnit.SECONDS) == 1001 ? 1 : 0;
            }
            publishing.set(false);
            load.get(30, TimeUnit.SECONDS);
            int atStop = publisher.published();
            publisher.publishWhile(i -> i <= atStop + 2 * GROUPS); // while the node is down
            int last = publisher.published();
            System.out.printf("shutdown under load: %d sockets in %d projects, %d events/s (%.0f/s reached); the node"
                    + " exited %d ms after SIGTERM (e%d published by then); %d got close 1001%n", CLIENTS, GROUPS,
                    PER_SECOND, publisher.rate(), stoppedIn, atStop, goingAway);
            assertTrue(stoppedIn >= 0 && stoppedIn < 30_000, "exited within 30 s of SIGTERM: " + stoppedIn + " ms");
            assertEquals(CLIENTS, goingAway, "every socket closed with 1001");

            int[] had = new int[GROUPS];
            for (int i = 0; i < CLIENTS; i++) {
                int g = publisher.groupOf(i);
                List<String> got = received(clients.get(i));
                List<String> expected = publisher.expected(g, 1, last);
                assertEquals(expected.subList(0, got.size()), got, "socket " + i + ": a gap-free start of its project's events");
                if (i < GROUPS) {
                    had[g] = got.size();
                } else {
                    assertEquals(had[g], got.size(), "socket " + i + " had what the others of its project had: nothing"
                            + " queued for it was dropped at the stop");
                }
            }

            rig.node.start();
            assertTrue(rig.node.awaitReady(90, TimeUnit.SECONDS));
            WsClient watcher = rig.connect(query(0));
            Faults.awaitEventPath(rig.broker, watcher, SteadyPublisher.group(0), 60); // the backlog is in before a probe
            int resumed = 0;
            for (int g = 0; g < GROUPS; g++) {
                List<String> expected = publisher.expected(g, 1, last);
                int next = Integer.parseInt(expected.get(had[g]).substring(1)); // published while down, at the latest
                WsClient client = rig.connect(query(g) + "&lastEventId=" + URLEncoder.encode(publisher.id(next), StandardCharsets.UTF_8));
                JsonObject answer = client.next(10, TimeUnit.SECONDS).getJsonObject("data");
                assertEquals("resume", answer.getString("to"), answer.toString());
                assertTrue(answer.getBoolean("resumed"), "e" + next + ", the first event of " + SteadyPublisher.group(g)
                        + " its sockets did not have, reached the restarted node: " + answer);
                List<String> rest = expected.subList(had[g] + 1, expected.size());
                assertEquals(rest, DeliveryIT.events(client, rest.size(), 30), "the rest of the project's events, in order");
                resumed += rest.size() + 1;
                client.close();
            }
            System.out.printf("after the restart: %d events of the %d projects were in the restarted node's window"
                    + " (not taken before the stop, or published while it was down)%n", resumed, GROUPS);
        }
    }

    private static String query(int group) {
        return "project=" + SteadyPublisher.group(group) + "&" + EventPathScenarios.FILES;
    }

    /** The payload ids of the event frames a closed client had, skipping probes: all are queued once it is closed. */
    private static List<String> received(WsClient client) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonObject frame = client.next(0, TimeUnit.SECONDS); frame != null; frame = client.next(0, TimeUnit.SECONDS)) {
            if ("event".equals(frame.getString("type"))) {
                String id = frame.getJsonObject("data").getJsonObject("payload").getString("$id");
                if (!id.equals("probe")) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }
}
