package io.indobase.realtime.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.ArtemisProcess;
import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.MicroNode;
import io.indobase.realtime.testkit.WsClient;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A node in durable mode on a real broker process: stopped (SIGTERM) while events stream to its clients, it ends
 * within a bounded time and closes every socket with 1001; what is published while it is down reaches it when it
 * starts again, so a client can resume from one of those events.
 * Scenarios: its own, below (no shared scenario class); the event-path wait is
 * {@link io.indobase.realtime.testkit.EventPathScenarios#awaitEventPath}.
 */
class NodeLifecycleIT {

    static final int CLIENTS = 20;
    static ArtemisProcess broker;
    static MicroNode node;

    @AfterAll
    static void stopAll() {
        if (node != null) {
            node.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aDurableNodeStopsCleanlyUnderLoadAndGetsWhatWasPublishedWhileItWasDown() throws Exception {
        broker = ArtemisProcess.createFromBuild("lifecycle", MicroNode.freePort()).start();
        Map<String, String> settings = new HashMap<>(broker.nodeProperties());
        settings.put("realtime.jms.subscription-durability", "Durable");
        settings.put("realtime.jms.client-id", "it-node-1");
        settings.put("realtime.health.probe-interval-ms", "500");
        node = MicroNode.of("lifecycle", settings).start();
        assertTrue(node.awaitReady(90, TimeUnit.SECONDS));

        List<WsClient> clients = new ArrayList<>();
        AtomicBoolean publishing = new AtomicBoolean(true);
        AtomicInteger published = new AtomicInteger();
        CompletableFuture<Void> load;
        try {
            for (int i = 0; i < CLIENTS; i++) {
                WsClient client = WsClient.connect(node.base(), "project=life&" + EventPathScenarios.FILES);
                client.next();
                clients.add(client);
            }
            Faults.awaitEventPath(broker, clients.get(0), "life", 60);
            load = CompletableFuture.runAsync(() -> {
                while (publishing.get() && published.get() < 5_000) {
                    try {
                        broker.publish(DeliveryIT.event("life", "load" + published.incrementAndGet(), "any", 200));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            assertTrue(Faults.nextEvent(clients.get(CLIENTS - 1), 10) != null, "the load reaches the clients");

            long stoppedIn = node.stop(60, TimeUnit.SECONDS);
            int goingAway = 0;
            for (WsClient client : clients) {
                goingAway += client.closeCode(10, TimeUnit.SECONDS) == 1001 ? 1 : 0;
            }
            System.out.printf("shutdown under load: the node exited %d ms after SIGTERM (%d events published so far);"
                    + " %d of %d clients got close 1001%n", stoppedIn, published.get(), goingAway, CLIENTS);
            assertTrue(stoppedIn >= 0 && stoppedIn < 30_000, "exited within 30 s of SIGTERM: " + stoppedIn + " ms");
            assertEquals(CLIENTS, goingAway, "every socket closed with 1001");
        } finally {
            publishing.set(false);
            clients.forEach(WsClient::close);
        }
        load.get(30, TimeUnit.SECONDS);

        List<String> whileDown = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            whileDown.add(broker.publish(DeliveryIT.event("life", "down" + i, "any", 0)));
        }
        node.start();
        assertTrue(node.awaitReady(90, TimeUnit.SECONDS));
        try (WsClient client = WsClient.connect(node.base(), "project=life&" + EventPathScenarios.FILES
                + "&lastEventId=" + whileDown.get(0))) {
            client.next();
            JsonObject answer = client.next().getJsonObject("data");
            assertEquals("resume", answer.getString("to"));
            assertTrue(answer.getBoolean("resumed"), "the events published while the node was down are in its window: " + answer);
            List<String> replayed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                replayed.add(Faults.nextEvent(client, 10).getString("id"));
            }
            assertEquals(whileDown.subList(1, 4), replayed);
        }
    }
}
