package io.indobase.realtime.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.ArtemisProcess;
import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.MicroNode;
import io.indobase.realtime.testkit.WsClient;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A node and a real, standalone Artemis broker process: the node starts and serves sockets while the broker is down
 * (readiness says so), picks the broker up when it comes, and after the broker is killed and restarted its consumer
 * reconnects by itself; with the broker gone again, the node still stops within a bounded time.
 * Scenarios: its own, below (no shared scenario class); the event-path wait is
 * {@link io.indobase.realtime.testkit.EventPathScenarios#awaitEventPath}.
 */
class BrokerFaultsIT {

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

    static int readiness() {
        return node.status("/health/ready");
    }

    @Test
    void theNodeServesWithoutABrokerAndItsConsumerComesBackAfterABrokerRestart() throws Exception {
        broker = ArtemisProcess.createFromBuild("faults", MicroNode.freePort());
        Map<String, String> settings = new HashMap<>(broker.nodeProperties());
        settings.put("realtime.health.probe-interval-ms", "500");
        settings.put("realtime.health.probe-timeout-ms", "2000");
        node = MicroNode.of("faults", settings).start();

        assertEquals(503, readiness(), "not ready without a broker");
        try (WsClient client = WsClient.connect(node.base(), "project=f&" + EventPathScenarios.FILES)) {
            assertEquals("connected", client.next().getString("type"), "sockets are served without a broker");
            client.send("{\"type\":\"ping\"}");
            assertEquals("pong", client.next().getString("type"));

            broker.start();
            assertTrue(node.awaitReady(90, TimeUnit.SECONDS), "ready once the broker is up");
            Faults.awaitEventPath(broker, client, "f", 60);
            String coreId = broker.publish(DeliveryIT.event("f", "core", "any", 0));
            JsonObject event = Faults.nextEvent(client, 10);
            assertNotNull(event);
            assertEquals(coreId, event.getString("id"), "a Core JMS producer's message id");
            broker.publishStomp(DeliveryIT.event("f", "stomp", "any", 0));
            event = Faults.nextEvent(client, 10);
            assertNotNull(event);
            assertTrue(event.getString("id").startsWith("broker:"), "a STOMP producer sets no id: the broker's " + event);

            broker.kill();
            assertTrue(node.awaitStatus("/health/ready", 503, 30, TimeUnit.SECONDS), "not ready while the broker is down");
            client.send("{\"type\":\"ping\"}");
            assertEquals("pong", client.next().getString("type"), "the socket outlives the broker");

            long restarted = System.nanoTime();
            broker.start();
            assertTrue(node.awaitReady(90, TimeUnit.SECONDS), "ready again after the broker restart");
            Faults.awaitEventPath(broker, client, "f", 60);
            System.out.printf("broker restart: the node consumed again %d ms after the broker was started%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted));
            broker.publish(DeliveryIT.event("f", "after", "any", 0));
            assertEquals("after", Faults.nextEvent(client, 10).getJsonObject("data").getJsonObject("payload").getString("$id"));
        }

        broker.kill();
        long stoppedIn = node.stop(60, TimeUnit.SECONDS);
        System.out.printf("shutdown with the broker down: the node exited %d ms after SIGTERM%n", stoppedIn);
        assertTrue(stoppedIn >= 0 && stoppedIn < 30_000, "no hang on JMS close: " + stoppedIn + " ms");
    }
}
