package io.indobase.realtime.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.indobase.realtime.testkit.Envelopes;
import io.indobase.realtime.testkit.TestBroker;
import io.indobase.realtime.testkit.WsClient;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The packaged WAR on Payara Micro, fed by a real Artemis broker through the resource adapter and the MDB. */
@ExtendWith({TestBroker.class, ArquillianExtension.class})
class JmsToWebSocketIT {

    private static final String FILES = "channels%5B%5D=files";

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/realtime-web.war"));
    }

    @Test
    void guestReceivesOnlyEventsReadableByAnyOrGuests() throws Exception {
        try (WsClient guest = WsClient.connect(base, "project=p1&" + FILES)) {
            JsonObject connected = guest.next();
            assertEquals("connected", connected.getString("type"));
            assertEquals(List.of("files"), strings(connected.getJsonObject("data"), "channels"));
            awaitEventPath(guest, "p1");

            TestBroker.publish(Envelopes.fileCreated("p1", "secret", "users"));
            TestBroker.publish(Envelopes.fileCreated("p2", "elsewhere", "any"));
            TestBroker.publish(Envelopes.fileCreated("p1", "forGuests", "guests"));
            TestBroker.publish(Envelopes.fileCreated("p1", "forAll", "any"));

            assertEquals("forGuests", payloadId(guest.next()));
            JsonObject event = guest.next();
            assertEquals("forAll", payloadId(event));
            JsonObject data = event.getJsonObject("data");
            assertEquals(List.of("buckets.photos.files.forAll.create"), strings(data, "events"));
            assertEquals(List.of("files", "buckets.photos.files", "buckets.photos.files.forAll", "files.create",
                    "buckets.photos.files.create", "buckets.photos.files.forAll.create"), strings(data, "channels"));
            assertEquals("2026-11-28T10:20:30.123+00:00", data.getString("timestamp"));
            assertEquals(strings(connected.getJsonObject("data"), "subscriptions"), strings(data, "subscriptions"));
        }
    }

    @Test
    void inBandSubscribeNamesTheMatchingSubscriptionAndPingGetsPong() throws Exception {
        try (WsClient client = WsClient.connect(base, "project=p1")) {
            assertEquals(List.of(), strings(client.next().getJsonObject("data"), "channels"));
            client.send("{\"type\":\"subscribe\",\"data\":[{\"subscriptionId\":\"s1\",\"channels\":[\"files\"]},"
                    + "{\"subscriptionId\":\"s2\",\"channels\":[\"documents\"]}]}");
            JsonObject response = client.next();
            assertEquals("response", response.getString("type"));
            assertEquals("subscribe", response.getJsonObject("data").getString("to"));
            awaitEventPath(client, "p1");

            TestBroker.publish(Envelopes.fileCreated("p1", "f1", "any"));
            assertEquals(List.of("s1"), strings(client.next().getJsonObject("data"), "subscriptions"));

            client.send("{\"type\":\"ping\"}");
            assertEquals("pong", client.next().getString("type"));
        }
    }

    @Test
    void missingProjectGetsAnErrorFrameAndClose1008() throws Exception {
        try (WsClient client = WsClient.connect(base, FILES)) {
            JsonObject error = client.next();
            assertEquals("error", error.getString("type"));
            assertEquals(1008, error.getJsonObject("data").getInt("code"));
            assertEquals(1008, client.closeCode(10, TimeUnit.SECONDS));
        }
    }

    /**
     * The MDB subscribes to the topic asynchronously after deployment, and a non-durable subscription sees only
     * what is published after it exists: publish probes until one arrives, then drain the extra ones.
     */
    static void awaitEventPath(WsClient client, String project) throws Exception {
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

    private static String payloadId(JsonObject frame) {
        assertNotNull(frame, "expected an event frame");
        assertEquals("event", frame.getString("type"), frame.toString());
        return frame.getJsonObject("data").getJsonObject("payload").getString("$id");
    }

    private static List<String> strings(JsonObject data, String key) {
        return data.getJsonArray(key).getValuesAs(jakarta.json.JsonString::getString);
    }

    static void assertNoFrame(WsClient client) throws InterruptedException {
        assertNull(client.next(300, TimeUnit.MILLISECONDS));
    }
}
