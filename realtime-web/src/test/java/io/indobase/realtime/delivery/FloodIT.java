package io.indobase.realtime.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.ArtemisProcess;
import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.MicroNode;
import io.indobase.realtime.testkit.NodeJmx;
import io.indobase.realtime.testkit.TestBroker;
import io.indobase.realtime.testkit.WsClient;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A publisher flooding the topic at ten times what the node can deliver to its {@value #CLIENTS} subscribers. The
 * node takes events from the broker at its own pace (one MDB session; the backlog waits on the broker, not in the
 * node) and sheds at the sockets: a socket whose outbox overflows is cut off with 1013, after a gap-free run of
 * events, as any slow consumer (docs/delivery.md, "Overload"). The node's heap stays bounded, it keeps answering,
 * and when the flood ends it drains the backlog and serves fresh events promptly again.
 */
class FloodIT {

    /** Many, so that the capacity in events a second is low enough for one publisher on this machine to send ten times it. */
    static final int CLIENTS = 2000;
    /** A burst that warms the node up, then one that measures it. */
    static final int WARM_UP = 300;
    /** Fewer than an outbox holds (1024), so no socket falls behind while the capacity is measured. */
    static final int CALIBRATION = 600;
    static final int FLOOD_SECONDS = 5;
    static final String PROJECT = "flood";
    static final long HEAP_BOUND = 64L * 1024 * 1024;
    /**
     * Characters of padding per event: with 2 KB frames to 2,000 sockets the capacity in events is one the test JVM
     * can offer ten times (with small frames to 500 sockets the node took 207 events/s, and one producer, sharing two
     * cores with the clients, offered at most about 1,200: 5.9×).
     */
    static final int PADDING = 2_000;

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void aFloodAtTenTimesTheCapacityIsShedAtTheSocketsWithoutRunningOutOfMemoryAndTheNodeRecovers() throws Exception {
        int jmxPort = MicroNode.freePort();
        HttpClient http = HttpClient.newHttpClient();
        List<Tally> tallies = new ArrayList<>();
        try (FaultRig rig = FaultRig.start("flood", CLIENTS, NodeJmx.settings(jmxPort));
             NodeJmx jmx = NodeJmx.connect(jmxPort);
             Flood flood = new Flood(rig.broker.port())) {
            WsClient watcher = rig.connect(query(PROJECT));
            Faults.awaitEventPath(rig.broker, watcher, PROJECT, 60);
            watcher.close();
            for (int i = 0; i < CLIENTS; i++) {
                tallies.add(Tally.connect(http, rig.node.base(), query(PROJECT)));
            }

            flood.send(1, WARM_UP, Integer.MAX_VALUE);
            for (Tally tally : tallies) {
                assertTrue(tally.await(WARM_UP, 120, TimeUnit.SECONDS), "every socket gets the warm-up burst");
            }
            long calibrating = System.nanoTime();
            flood.send(WARM_UP + 1, CALIBRATION, Integer.MAX_VALUE);
            for (Tally tally : tallies) {
                assertTrue(tally.await(WARM_UP + CALIBRATION, 120, TimeUnit.SECONDS), "every socket gets the calibration burst");
            }
            double seconds = (System.nanoTime() - calibrating) / 1e9;
            long baseline = jmx.liveHeap(); // the sockets held and the window partly filled: what the flood may not grow
            int capacity = (int) Math.ceil(CALIBRATION / seconds);
            int total = 10 * capacity * FLOOD_SECONDS;
            int first = WARM_UP + CALIBRATION + 1;

            WsClient control = rig.connect(query("control"));
            long flooding = System.nanoTime();
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> flood.send(first, total, 10 * capacity));
            long maxHeap = 0;
            long slowestPong = 0;
            while (!sending.isDone()) {
                long ping = System.nanoTime();
                control.send("{\"type\":\"ping\"}");
                assertNotNull(control.next(10, TimeUnit.SECONDS), "the node answers a ping during the flood");
                slowestPong = Math.max(slowestPong, System.nanoTime() - ping);
                maxHeap = Math.max(maxHeap, jmx.usedHeap());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500)); // the sampling pace
            }
            sending.get();
            double offered = total / ((System.nanoTime() - flooding) / 1e9);
            long flooded = System.nanoTime();

            int last = first + total - 1;
            try (WsClient fresh = rig.connect(query("fresh"))) {
                rig.broker.publish(DeliveryIT.event("fresh", "after", "any", 0));
                assertNotNull(Faults.nextEvent(fresh, 300), "a fresh event arrives once the backlog is drained");
                long recovered = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - flooded);
                long sent = System.nanoTime();
                rig.broker.publish(DeliveryIT.event("fresh", "prompt", "any", 0));
                assertNotNull(Faults.nextEvent(fresh, 10), "and the next one promptly");
                long prompt = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
                assertTrue(rig.node.awaitReady(60, TimeUnit.SECONDS), "ready again after the flood");

                int complete = 0;
                int shed = 0;
                for (Tally tally : tallies) {
                    boolean all = tally.await(last, 120, TimeUnit.SECONDS);
                    assertNull(tally.broken(), "events in order, none lost or repeated before a cut");
                    if (all) {
                        complete++;
                    } else {
                        assertEquals(1013, tally.closeCode(), "a socket that did not get every event was cut off as a"
                                + " slow consumer (it had e1 to e" + tally.last() + ")");
                        shed++;
                    }
                }
                long live = jmx.liveHeap();
                System.out.printf("publisher flood: capacity %d events/s to %d sockets (%d deliveries/s), flood of %d events"
                        + " offered at %.0f events/s (%.1f× capacity) for %d s; %d sockets got every event, %d were cut off"
                        + " with 1013; slowest pong %d ms; heap used at most %d MB, live heap %d MB before and %d MB after;"
                        + " a fresh event arrived %d ms after the flood ended, the next in %d ms%n",
                        capacity, CLIENTS, capacity * CLIENTS, total, offered, offered / capacity, FLOOD_SECONDS, complete,
                        shed, TimeUnit.NANOSECONDS.toMillis(slowestPong), maxHeap >> 20, baseline >> 20, live >> 20,
                        recovered, prompt);
                // the flood's own precondition, not the node's behaviour: one producer sharing two busy cores reached
                // 8.6× and 8.7× here, and 7.1× in a CI run with other work on the machine; a flood it must be
                assertTrue(offered >= 6 * capacity, "the flood was offered at over six times the capacity: " + offered);
                assertTrue(live - baseline < HEAP_BOUND, "the live heap is back near where it was: " + (live >> 20) + " MB");
                assertTrue(rig.node.running(), "the node is alive");
                assertFalse(rig.node.log().contains("OutOfMemoryError"), "no OutOfMemoryError in the node's log");
            }
        } finally {
            tallies.forEach(Tally::close);
        }
    }

    private static String query(String project) {
        return "project=" + project + "&" + EventPathScenarios.FILES;
    }

    /** Events e{from}… of the flood project, non-persistent, sent asynchronously, at most {@code perSecond}. */
    private static final class Flood implements AutoCloseable {

        private final ActiveMQConnectionFactory factory;
        private final JMSContext context;
        private final JMSProducer producer;
        private final Topic topic;

        Flood(int port) {
            factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
            context = factory.createContext(ArtemisProcess.USER, ArtemisProcess.USER);
            producer = context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            topic = context.createTopic(TestBroker.TOPIC);
        }

        void send(int from, int count, int perSecond) {
            // made beforehand: building each with JSON-P (a provider lookup per call) held the flood to ~220/s here
            String[] events = new String[count];
            for (int n = 0; n < count; n++) {
                events[n] = DeliveryIT.event(PROJECT, "e" + (from + n), "any", PADDING);
            }
            long start = System.nanoTime();
            for (int n = 0; n < count; n++) {
                producer.send(topic, events[n]);
                long due = start + (long) (n + 1) * TimeUnit.SECONDS.toNanos(1) / perSecond;
                long ahead = due - System.nanoTime();
                if (ahead > TimeUnit.MILLISECONDS.toNanos(1)) {
                    LockSupport.parkNanos(ahead); // the flood's pace
                }
            }
        }

        @Override
        public void close() {
            context.close();
            factory.close();
        }
    }
}
