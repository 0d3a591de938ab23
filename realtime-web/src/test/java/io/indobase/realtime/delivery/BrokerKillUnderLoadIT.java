package io.indobase.realtime.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.ArtemisProcess;
import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.MicroNode;
import io.indobase.realtime.testkit.TestBroker;
import io.indobase.realtime.testkit.WsClient;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The broker killed with {@code kill -9} while a durable node streams a steady event rate to a few hundred sockets,
 * then restarted: the sockets stay open and each receives every event the broker confirmed, once, in order; clients
 * that left during the outage and come back with {@code lastEventId} get the rest, once, in order. The broker's
 * redeliveries of what the node had already received are dropped by the replay window.
 */
class BrokerKillUnderLoadIT {

    static final int CLIENTS = 200;
    static final int LEAVERS = 20;
    static final int EVENTS = 600;
    static final int KILL_AFTER = 200;
    static final int RETURN_AFTER = 350;
    static final int PER_SECOND = 100;
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
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void killingTheBrokerUnderLoadLosesAndDoublesNoEventForClientsThatStayedOrResumed() throws Exception {
        broker = ArtemisProcess.createFromBuild("kill-under-load", MicroNode.freePort()).start();
        Map<String, String> settings = new HashMap<>(broker.nodeProperties());
        settings.put("realtime.jms.subscription-durability", "Durable");
        settings.put("realtime.jms.client-id", "it-load-node");
        settings.put("realtime.health.probe-interval-ms", "500");
        settings.put("realtime.limits.connections-per-ip-per-minute", Integer.toString(4 * CLIENTS));
        node = MicroNode.of("kill-under-load", settings).start();
        assertTrue(node.awaitReady(90, TimeUnit.SECONDS));

        String query = "project=load&" + EventPathScenarios.FILES;
        List<WsClient> stayed = new ArrayList<>();
        List<WsClient> leavers = new ArrayList<>();
        try (Publisher publisher = new Publisher(broker.port())) {
            long connecting = System.nanoTime();
            List<WsClient> clients = connect(query);
            leavers.addAll(clients.subList(0, LEAVERS));
            stayed.addAll(clients.subList(LEAVERS, CLIENTS));
            long connected = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - connecting);
            Faults.awaitEventPath(broker, stayed.get(0), "load", 60);
            CountDownLatch killNow = new CountDownLatch(1);
            CountDownLatch returnNow = new CountDownLatch(1);
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> publisher.publish(killNow, returnNow));
            assertTrue(killNow.await(60, TimeUnit.SECONDS), "the first " + KILL_AFTER + " events were published");
            long killed = System.nanoTime();
            broker.kill();
            List<Left> left = new ArrayList<>();
            for (WsClient leaver : leavers) {
                left.add(Left.closing(leaver));
            }
            broker.start();
            assertTrue(returnNow.await(90, TimeUnit.SECONDS), "publishing went on after the restart up to e" + RETURN_AFTER);
            List<WsClient> returned = new ArrayList<>();
            for (Left l : left) {
                returned.add(Nodes.connected(node.base(), query + "&lastEventId=" + URLEncoder.encode(l.lastId, StandardCharsets.UTF_8)));
            }
            leavers = returned;
            load.get(90, TimeUnit.SECONDS);

            List<String> expected = IntStream.rangeClosed(1, EVENTS).mapToObj(i -> "e" + i).toList();
            for (WsClient client : stayed) {
                assertEquals(expected, DeliveryIT.events(client, EVENTS, 90), "every event once, in order, across the broker's kill");
            }
            long allThere = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
            assertNull(Faults.nextEvent(stayed.get(0), 1), "nothing twice");
            for (WsClient client : stayed) {
                assertNull(client.next(0, TimeUnit.SECONDS), "nothing twice"); // all filled at once: a second would be queued by now
            }
            for (int i = 0; i < LEAVERS; i++) {
                JsonObject resume = returned.get(i).next(10, TimeUnit.SECONDS).getJsonObject("data");
                assertEquals("resume", resume.getString("to"), resume.toString());
                assertTrue(resume.getBoolean("resumed"), "the last event before leaving is in the window: " + resume);
                List<String> after = DeliveryIT.events(returned.get(i), EVENTS - left.get(i).ids.size(), 60);
                List<String> all = new ArrayList<>(left.get(i).ids);
                all.addAll(after);
                assertEquals(expected, all, "what a client had before it left, then what it resumed, once, in order");
                assertNull(returned.get(i).next(0, TimeUnit.SECONDS), "nothing twice after the resume");
            }
            System.out.printf("broker kill -9 under load: %d sockets (connected in %d ms), %d events at %d/s, killed after e%d;"
                    + " %d sockets had all of them %d ms after the kill, %d resumed; %d sends retried while the broker was down%n",
                    CLIENTS, connected, EVENTS, PER_SECOND, KILL_AFTER, CLIENTS - LEAVERS, allThere, LEAVERS, publisher.retries);
        } finally {
            stayed.forEach(WsClient::close);
            leavers.forEach(WsClient::close);
        }
    }

    /** The clients, connected a few at a time: one by one, a loaded machine takes minutes for a few hundred handshakes. */
    private static List<WsClient> connect(String query) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<WsClient>> handshakes = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                handshakes.add(pool.submit(() -> Nodes.connected(node.base(), query)));
            }
            List<WsClient> clients = new ArrayList<>();
            for (Future<WsClient> handshake : handshakes) {
                clients.add(handshake.get(60, TimeUnit.SECONDS));
            }
            return clients;
        } finally {
            pool.shutdown();
        }
    }

    /** What a client that left had received: the payload ids, and the id of its last event frame. */
    private record Left(List<String> ids, String lastId) {

        static Left closing(WsClient client) throws InterruptedException {
            client.close();
            List<String> ids = new ArrayList<>();
            String lastId = null;
            for (JsonObject frame = client.next(200, TimeUnit.MILLISECONDS); frame != null; frame = client.next(200, TimeUnit.MILLISECONDS)) {
                String id = frame.getString("type").equals("event")
                        ? frame.getJsonObject("data").getJsonObject("payload").getString("$id") : "probe";
                if (!id.equals("probe")) {
                    ids.add(id);
                    lastId = frame.getString("id");
                }
            }
            assertTrue(lastId != null, "a leaver had received events before the kill");
            return new Left(ids, lastId);
        }
    }

    /**
     * Publishes e1…e{@value #EVENTS} at {@value #PER_SECOND} a second with the Core JMS client; each send is retried, on
     * a new connection, until the broker confirms it (persistent, so stored). A send cut by the kill may have been
     * stored: the retry carries the same duplicate id, so the broker keeps it once.
     */
    private static final class Publisher implements AutoCloseable {

        private final ActiveMQConnectionFactory factory;
        private JMSContext context;
        private int retries;

        Publisher(int port) {
            factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port + "?callTimeout=5000");
        }

        void publish(CountDownLatch killNow, CountDownLatch returnNow) {
            long next = System.nanoTime();
            for (int i = 1; i <= EVENTS; i++) {
                next += TimeUnit.SECONDS.toNanos(1) / PER_SECOND;
                send(i);
                if (i == KILL_AFTER) {
                    killNow.countDown();
                } else if (i == RETURN_AFTER) {
                    returnNow.countDown();
                }
                long ahead = next - System.nanoTime();
                if (ahead > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(ahead); // the pace of the load, not a wait for a condition
                }
            }
        }

        private void send(int i) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (true) {
                try {
                    if (context == null) {
                        context = factory.createContext(ArtemisProcess.USER, ArtemisProcess.USER);
                    }
                    TextMessage message = context.createTextMessage(DeliveryIT.event("load", "e" + i, "any", 0));
                    message.setStringProperty("_AMQ_DUPL_ID", "load-e" + i);
                    context.createProducer().send(context.createTopic(TestBroker.TOPIC), message);
                    return;
                } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("e" + i + " could not be published within 90 s", e);
                    }
                    retries++;
                    disconnect();
                    java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // the retry's pace
                }
            }
        }

        @Override
        public void close() {
            disconnect();
            factory.close();
        }

        private void disconnect() {
            if (context != null) {
                try {
                    context.close();
                } catch (JMSRuntimeException e) {
                    // the connection is already gone
                }
                context = null;
            }
        }
    }
}
