package io.indobase.realtime.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end checks every runtime must pass (Payara Micro with the WAR, Payara Server with the EAR): JMS topic
 * to WebSocket through the MDB, with the guests/any filtering, past malformed envelopes.
 * <p>Run by {@code JmsToWebSocketIT} (realtime-web, the WAR on Payara Micro) and {@code EarOnPayaraServerIT}
 * (realtime-system-test, the EAR on Payara Server). The delivery ITs of realtime-web ({@code DeliveryIT},
 * {@code BrokerFaultsIT}, {@code NodeLifecycleIT}, {@code MemoryPlateauIT}, {@code ResumeOnAnotherNodeIT}) use its
 * {@link #awaitEventPath} and {@link #FILES}.
 */
public final class EventPathScenarios {

    public static final String FILES = "channels%5B%5D=files";

    private EventPathScenarios() {
    }

    /** A guest subscribed to {@code files} of p1 receives exactly the p1 events readable by {@code any} or {@code guests}. */
    public static void guestReceivesOnlyEventsReadableByAnyOrGuests(URL base) throws Exception {
        try (WsClient guest = WsClient.connect(base, "project=p1&" + FILES)) {
            JsonObject connected = guest.next();
            assertNotNull(connected, () -> "no connected frame; close code " + guest.closeCode(1, TimeUnit.SECONDS));
            assertEquals("connected", connected.getString("type"), connected.toString());
            assertEquals(List.of("files"), strings(connected.getJsonObject("data"), "channels"));
            awaitEventPath(guest, "p1");

            // bad envelopes are dropped with a log line and must not hold up the ones behind them
            TestBroker.publish("not json");
            TestBroker.publish("{\"project\":\"p1\",\"event\":\"buckets.photos.files.x.create\",\"permissions\":[\"read(\\\"nobody\\\")\"]}");
            TestBroker.publish(Envelopes.fileCreated("p1", "secret", "users"));
            TestBroker.publish(Envelopes.fileCreated("p2", "elsewhere", "any"));
            TestBroker.publish(Envelopes.fileCreated("p1", "forGuests", "guests"));
            TestBroker.publish(Envelopes.fileCreated("p1", "forAll", "any"));

            assertEquals("forGuests", payloadId(guest.next()));
            JsonObject event = guest.next();
            assertEquals("forAll", payloadId(event));
            JsonObject data = event.getJsonObject("data");
            assertEquals(List.of("buckets.photos.files.forAll.create", "buckets.*.files.*.create",
                    "buckets.photos.files.*.create", "buckets.*.files.forAll.create", "buckets.photos.files.forAll",
                    "buckets.*.files.*", "buckets.photos.files.*", "buckets.*.files.forAll", "buckets.photos", "buckets.*"),
                    strings(data, "events"));
            assertEquals(List.of("files", "buckets.photos.files", "buckets.photos.files.forAll", "files.create",
                    "buckets.photos.files.create", "buckets.photos.files.forAll.create"), strings(data, "channels"));
            assertEquals("2026-11-28T10:20:30.123+00:00", data.getString("timestamp"));
            assertEquals(strings(connected.getJsonObject("data"), "subscriptions"), strings(data, "subscriptions"));
        }
    }

    /**
     * The MDB subscribes to the topic asynchronously after deployment, and a non-durable subscription sees only
     * what is published after it exists: publish probes until one arrives, then drain the extra ones.
     */
    public static void awaitEventPath(WsClient client, String project) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonObject frame = null;
        while (frame == null && System.nanoTime() < deadline) {
            TestBroker.publish(Envelopes.fileCreated(project, "probe", "any"));
            frame = client.next(500, TimeUnit.MILLISECONDS);
        }
        assertNotNull(frame, "no event reached the socket within 60 s");
        while (client.next(300, TimeUnit.MILLISECONDS) != null) {
            // drain probes that were still in flight
        }
    }

    public static String payloadId(JsonObject frame) {
        assertNotNull(frame, "expected an event frame");
        assertEquals("event", frame.getString("type"), frame.toString());
        return frame.getJsonObject("data").getJsonObject("payload").getString("$id");
    }

    public static List<String> strings(JsonObject data, String key) {
        return data.getJsonArray(key).getValuesAs(JsonString::getString);
    }
}
