package io.indobase.realtime.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.MicroNode;
import io.indobase.realtime.testkit.StalledClient;
import io.indobase.realtime.testkit.TestBroker;
import io.indobase.realtime.testkit.WsClient;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two fallbacks of the write path (ADR 0011) on the real container, chosen with
 * {@code realtime.transport.write-path}: raw frames through Tyrus's writer (where direct writes are not possible,
 * e.g. on TLS) and the standard WebSocket API (another container). Each must keep what the direct path keeps: every
 * event once and in order for readers, a burst sent in batches where the path allows it, and a client that stops
 * reading cut off without delaying the others. The direct path is the default, under every other IT.
 */
@ExtendWith(TestBroker.class)
class WritePathsIT {

    @ParameterizedTest
    @ValueSource(strings = {"tyrus", "standard"})
    void aFallbackPathDeliversEverythingInOrderAndStillCutsOffAClientThatStopsReading(String path) throws Exception {
        try (MicroNode node = MicroNode.of("write-path-" + path, Map.of(
                "realtime.jms.connection-parameters", "host=127.0.0.1;port=" + Integer.getInteger("it.broker.port", 61626),
                "realtime.transport.write-path", path,
                "realtime.transport.outbox-frames", "100",
                "realtime.transport.send-timeout-ms", "4000")).start();
             WsClient healthy = WsClient.connect(node.base(), "project=paths&" + EventPathScenarios.FILES);
             WsClient other = WsClient.connect(node.base(), "project=paths&" + EventPathScenarios.FILES)) {
            assertEquals("connected", healthy.next().getString("type"));
            assertEquals("connected", other.next().getString("type"));
            EventPathScenarios.awaitEventPath(healthy, "paths");
            StalledClient stalled = StalledClient.connect(node.base(), "project=paths&" + EventPathScenarios.FILES);
            int count = 300; // 7 MB: past the kernel's buffers, so the stalled client's outbox must overflow
            for (int n = 0; n < count; n++) {
                TestBroker.publish(DeliveryIT.event("paths", "w" + n, "any", 24_000));
            }
            List<String> expected = IntStream.range(0, count).mapToObj(n -> "w" + n).toList();
            assertEquals(expected, DeliveryIT.events(healthy, count, 60), path + ": every event once, in order");
            assertEquals(expected, DeliveryIT.events(other, count, 30), path);
            StalledClient.Received received = stalled.readAll(15_000);
            long got = received.frames().stream().filter(f -> f.getString("type").equals("event")).count();
            assertTrue(got < count, path + ": the stalled client was cut off before the end (" + got + " events)");
            assertTrue(received.closeCode() == 1013 || received.closeCode() == StalledClient.Received.NO_CLOSE_FRAME,
                    path + ": close " + received.closeCode());
            stalled.close();
            String log = node.log();
            assertTrue(!log.contains("RT-TRN-014 frames are written straight"), path + ": no direct writes");
            System.out.printf("write path %s: %d events of 24 KB to two readers in order; the stalled client got %d, close"
                    + " %d%n", path, count, got, received.closeCode());
        }
    }
}
