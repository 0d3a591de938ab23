package io.indobase.realtime.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.ArtemisProcess;
import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.LocalCluster;
import io.indobase.realtime.testkit.MicroNode;
import io.indobase.realtime.testkit.WsClient;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An Artemis HA pair (primary and backup, replication; docs/scaling.md) under a durable node with HA on: the
 * primary is killed with {@code kill -9} while a producer publishes; the backup takes over with the node's
 * subscription, and no event is lost or doubled, for the clients that stayed and for one that resumes within the
 * replay window. The node's own publishing (its readiness probe) moves to the backup too.
 */
class HaPairIT {

    static final int EVENTS = 120;
    static final int KILL_AFTER = 40;
    static ArtemisProcess primary;
    static ArtemisProcess backup;
    static MicroNode node;

    @AfterAll
    static void stopAll() {
        if (node != null) {
            node.close();
        }
        for (ArtemisProcess broker : new ArtemisProcess[] {backup, primary}) {
            if (broker != null) {
                broker.close();
            }
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void killingThePrimaryLosesNoEventForTheNodesClientsInsideTheWindow() throws Exception {
        startPair();
        node = MicroNode.of("ha", nodeSettings())
                .postBoot(Files.readAllLines(LocalCluster.CONFIG.resolve("micro-ha-post-boot.asadmin"))).start();
        assertTrue(node.awaitReady(90, TimeUnit.SECONDS));
        String query = "project=ha&" + EventPathScenarios.FILES;
        List<WsClient> stayed = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("(tcp://127.0.0.1:" + primary.port()
                + ",tcp://127.0.0.1:" + backup.port() + ")?ha=true&reconnectAttempts=-1&retryInterval=100&callTimeout=5000");
             JMSContext producer = factory.createContext(ArtemisProcess.USER, ArtemisProcess.USER)) {
            for (int i = 0; i < 3; i++) {
                stayed.add(Nodes.connected(node.base(), query));
            }
            String lastId;
            try (WsClient away = Nodes.connected(node.base(), query)) {
                for (WsClient client : stayed) {
                    Faults.awaitEventPath(primary, client, "ha", 60);
                }
                Faults.awaitEventPath(primary, away, "ha", 60);
                send(producer, 1);
                lastId = Nodes.events(away, 1, 10).get(0).getString("id");
            }
            CountDownLatch halfway = new CountDownLatch(1);
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                for (int i = 2; i <= EVENTS; i++) {
                    send(producer, i);
                    if (i == KILL_AFTER) {
                        halfway.countDown();
                    }
                }
            });
            assertTrue(halfway.await(60, TimeUnit.SECONDS), "the first events were published");
            long killed = System.nanoTime();
            primary.kill();
            publishing.get(90, TimeUnit.SECONDS);
            List<String> expected = IntStream.rangeClosed(1, EVENTS).mapToObj(i -> "e" + i).toList();
            for (WsClient client : stayed) {
                assertEquals(expected, DeliveryIT.events(client, EVENTS, 60), "every event once, in order, across the failover");
                assertNull(Faults.nextEvent(client, 1), "nothing twice");
            }
            System.out.printf("HA pair: primary killed after e%d; the clients had all %d events %d ms later%n",
                    KILL_AFTER, EVENTS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
            try (WsClient resumed = Nodes.connected(node.base(), query + "&lastEventId="
                    + URLEncoder.encode(lastId, StandardCharsets.UTF_8))) {
                assertTrue(resumed.next().getJsonObject("data").getBoolean("resumed"), "e1 is in the window");
                assertEquals(expected.subList(1, EVENTS), DeliveryIT.events(resumed, EVENTS - 1, 30),
                        "what it missed, failover included");
            }
            assertTrue(node.awaitReady(60, TimeUnit.SECONDS), "the node's probe is published on the backup");
        } finally {
            stayed.forEach(WsClient::close);
        }
    }

    /** Primary, then a backup in sync with it. */
    private static void startPair() throws Exception {
        Path home = Path.of("target", "it", "apache-artemis-2.40.0");
        int primaryPort = MicroNode.freePort();
        int backupPort = MicroNode.freePort();
        primary = ArtemisProcess.create(home, Path.of("target", "brokers", "ha-primary"), primaryPort)
                .configure(LocalCluster.CONFIG.resolve("artemis-ha-primary.xml"), Map.of("realtime.broker.peer",
                        "tcp://127.0.0.1:" + backupPort, "realtime.broker.stomp-port", Integer.toString(MicroNode.freePort())))
                .start();
        backup = ArtemisProcess.create(home, Path.of("target", "brokers", "ha-backup"), backupPort)
                .configure(LocalCluster.CONFIG.resolve("artemis-ha-backup.xml"), Map.of("realtime.broker.peer",
                        "tcp://127.0.0.1:" + primaryPort, "realtime.broker.stomp-port", Integer.toString(MicroNode.freePort())))
                .launch().awaitLog("AMQ221024", 60);
    }

    /** Durable (the backup keeps the subscription's messages), both brokers listed (the node's own publishing). */
    private static Map<String, String> nodeSettings() {
        Map<String, String> settings = new HashMap<>(primary.nodeProperties());
        settings.put("realtime.jms.connection-parameters", primary.connectionParameters() + "," + backup.connectionParameters());
        settings.put("realtime.jms.subscription-durability", "Durable");
        settings.put("realtime.jms.client-id", "it-ha-node");
        settings.put("realtime.health.probe-interval-ms", "500");
        return settings;
    }

    /**
     * Publishes event {@code e<i>} until the broker confirms it. A send cut by the failover may or may not have been
     * stored: the retry carries the same duplicate id, so the broker keeps it once.
     */
    private static void send(JMSContext producer, int i) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                TextMessage message = producer.createTextMessage(DeliveryIT.event("ha", "e" + i, "any", 0));
                message.setStringProperty("_AMQ_DUPL_ID", "ha-e" + i);
                producer.createProducer().send(producer.createTopic(io.indobase.realtime.testkit.TestBroker.TOPIC), message);
                return;
            } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("e" + i + " could not be published within 60 s", e);
                }
            }
        }
    }
}
