package io.indobase.realtime.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.MicroNode;
import io.indobase.realtime.testkit.TestBroker;
import io.indobase.realtime.testkit.WsClient;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes fed by one broker give every event the same id, so a client that received events from one node resumes
 * on the other: what it missed, once, then the live stream.
 * Scenarios: its own, below (no shared scenario class); the event-path wait is
 * {@link io.indobase.realtime.testkit.EventPathScenarios#awaitEventPath}.
 */
@ExtendWith(TestBroker.class)
class ResumeOnAnotherNodeIT {

    static MicroNode first;
    static MicroNode second;

    @BeforeAll
    static void startNodes() throws Exception {
        Map<String, String> settings = Map.of("realtime.jms.connection-parameters",
                "host=127.0.0.1;port=" + Integer.getInteger("it.broker.port", 61626));
        first = MicroNode.of("resume-a", settings).start();
        second = MicroNode.of("resume-b", settings).start();
    }

    @AfterAll
    static void stopNodes() {
        first.close();
        second.close();
    }

    /** The next {@code count} event frames that are not event-path probes. */
    private static List<JsonObject> frames(WsClient client, int count) throws InterruptedException {
        List<JsonObject> frames = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (frames.size() < count && System.nanoTime() < deadline) {
            JsonObject frame = client.next(1, TimeUnit.SECONDS);
            if (frame != null && frame.getString("type").equals("event")
                    && !frame.getJsonObject("data").getJsonObject("payload").getString("$id").equals("probe")) {
                frames.add(frame);
            }
        }
        return frames;
    }

    private static List<String> ids(List<JsonObject> frames) {
        return frames.stream().map(f -> f.getString("id")).toList();
    }

    @Test
    void aClientResumesOnAnotherNodeWithNoGapAndNoDuplicate() throws Exception {
        String query = "project=xnode&" + EventPathScenarios.FILES;
        String lastId;
        try (WsClient onFirst = WsClient.connect(first.base(), query);
             WsClient onSecond = WsClient.connect(second.base(), query)) {
            onFirst.next();
            onSecond.next();
            // both nodes consume the topic before the events that count are published
            EventPathScenarios.awaitEventPath(onFirst, "xnode");
            EventPathScenarios.awaitEventPath(onSecond, "xnode");
            TestBroker.publish(DeliveryIT.event("xnode", "x1", "any", 0));
            TestBroker.publish(DeliveryIT.event("xnode", "x2", "any", 0));
            TestBroker.publish(DeliveryIT.event("xnode", "x3", "any", 0));
            List<JsonObject> fromFirst = frames(onFirst, 3);
            List<JsonObject> fromSecond = frames(onSecond, 3);
            assertEquals(ids(fromFirst), ids(fromSecond), "one id per event on both nodes");
            assertEquals(List.of("x1", "x2", "x3"), fromFirst.stream().map(f -> f.getJsonObject("data")
                    .getJsonObject("payload").getString("$id")).toList());
            // the client was on the first node: the id it keeps is the first node's
            lastId = fromFirst.get(2).getString("id");
        }
        TestBroker.publish(DeliveryIT.event("xnode", "x4", "any", 0));
        TestBroker.publish(DeliveryIT.event("xnode", "x5", "users", 0));
        TestBroker.publish(DeliveryIT.event("xnode", "x6", "guests", 0));

        try (WsClient resumed = WsClient.connect(second.base(), query + "&lastEventId=" + lastId)) {
            assertEquals("connected", resumed.next().getString("type"));
            JsonObject answer = resumed.next().getJsonObject("data");
            assertEquals("resume", answer.getString("to"), answer.toString());
            assertTrue(answer.getBoolean("resumed"), "the other node knows the id: " + answer);
            TestBroker.publish(DeliveryIT.event("xnode", "x7", "any", 0));
            assertEquals(List.of("x4", "x6", "x7"), DeliveryIT.events(resumed, 3, 10),
                    "what it missed and may read, then the live stream");
            assertEquals(null, resumed.next(500, TimeUnit.MILLISECONDS), "nothing twice");
        }
    }
}
