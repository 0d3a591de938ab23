package io.indobase.realtime.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.MicroNode;
import io.indobase.realtime.testkit.NodeJmx;
import io.indobase.realtime.testkit.StalledClient;
import io.indobase.realtime.testkit.TestBroker;
import io.indobase.realtime.testkit.WsClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Server memory plateaus whatever slow clients do: round after round, more clients connect and stop reading (and stay
 * connected) while 24 KB events stream to them and to a healthy client. Unbounded, each round would leave about
 * 57 MB more on the heap (8 stalled clients × 150 frames × 48 KB of chars); bounded, the live heap after a full GC
 * stays flat from the second round on and close to where it started.
 * The node's replay window is kept small so it fills in the first round and does not hide or mimic growth.
 * Scenarios: its own, below (no shared scenario class); the event-path wait is
 * {@link io.indobase.realtime.testkit.EventPathScenarios#awaitEventPath}.
 */
@ExtendWith(TestBroker.class)
class MemoryPlateauIT {

    private static final int ROUNDS = 4;
    private static final int STALLED_PER_ROUND = 8;
    private static final int EVENTS_PER_ROUND = 150;
    private static final long PLATEAU_BYTES = 16L * 1024 * 1024;

    static MicroNode node;
    static int jmxPort;

    @BeforeAll
    static void startNode() throws Exception {
        jmxPort = MicroNode.freePort();
        Map<String, String> settings = new HashMap<>(NodeJmx.settings(jmxPort));
        settings.putAll(Map.of(
                "realtime.jms.connection-parameters", "host=127.0.0.1;port=" + Integer.getInteger("it.broker.port", 61626),
                "realtime.transport.outbox-frames", "100",
                "realtime.transport.outbox-bytes", "200000",
                "realtime.transport.send-timeout-ms", "4000",
                "realtime.replay.max-bytes", "4194304"));
        node = MicroNode.of("memory", settings).start();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void liveHeapStaysFlatWhileSlowClientsKeepComing() throws Exception {
        try (NodeJmx jmx = NodeJmx.connect(jmxPort);
             WsClient healthy = WsClient.connect(node.base(), "project=memory&" + EventPathScenarios.FILES)) {
            assertEquals("connected", healthy.next().getString("type"));
            EventPathScenarios.awaitEventPath(healthy, "memory");
            long baseline = jmx.liveHeap();
            List<Long> heap = new ArrayList<>();
            List<StalledClient> stalled = new ArrayList<>();
            int published = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < STALLED_PER_ROUND; i++) {
                    stalled.add(StalledClient.connect(node.base(), "project=memory&" + EventPathScenarios.FILES));
                }
                for (int n = 0; n < EVENTS_PER_ROUND; n++) {
                    TestBroker.publish(DeliveryIT.event("memory", "m" + published++, "any", 24_000));
                }
                assertEquals(EVENTS_PER_ROUND, DeliveryIT.events(healthy, EVENTS_PER_ROUND, 60).size(),
                        "the healthy client gets every event of round " + round);
                heap.add(jmx.liveHeap());
            }
            for (StalledClient client : stalled) {
                client.close();
            }
            System.out.printf("memory plateau: live heap at start %d MB, after each round (MB): %s%n",
                    baseline / (1024 * 1024), heap.stream().map(b -> b / (1024 * 1024)).toList());
            long growth = heap.get(ROUNDS - 1) - heap.get(1);
            assertTrue(growth < PLATEAU_BYTES, "live heap grew " + growth / 1024 + " KB from round 2 to round " + ROUNDS
                    + ": " + heap);
            long held = heap.stream().mapToLong(Long::longValue).max().orElseThrow() - baseline;
            assertTrue(held < 2 * PLATEAU_BYTES, "slow clients held " + held / 1024 + " KB: " + heap);
        }
    }
}
