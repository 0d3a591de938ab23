package io.indobase.realtime.it;

import static io.indobase.realtime.testkit.EventPathScenarios.FILES;
import static io.indobase.realtime.testkit.EventPathScenarios.awaitEventPath;
import static io.indobase.realtime.testkit.EventPathScenarios.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.indobase.realtime.testkit.Envelopes;
import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.TestBroker;
import io.indobase.realtime.testkit.WsClient;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged WAR on Payara Micro, fed by a real Artemis broker through the resource adapter and the MDB.
 * Scenarios: {@link io.indobase.realtime.testkit.EventPathScenarios}, and its own cases below.
 */
class JmsToWebSocketIT extends OnPayaraMicro {

    @Test
    void guestReceivesOnlyEventsReadableByAnyOrGuests() throws Exception {
        EventPathScenarios.guestReceivesOnlyEventsReadableByAnyOrGuests(base);
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
    void theProjectHeaderWinsAndUrlQuerySlotsBecomeSubscriptions() throws Exception {
        String selectAll = URLEncoder.encode("{\"method\":\"select\",\"values\":[\"*\"]}",
                StandardCharsets.UTF_8);
        try (WsClient client = WsClient.connect(base, "project=ignored&channels[]=files&channels[]=documents"
                + "&files[0][]=" + selectAll + "&documents[1][]=" + selectAll, "X-Appwrite-Project", "p1")) {
            JsonObject connected = client.next().getJsonObject("data");
            assertEquals(List.of("files", "documents"), strings(connected, "channels"));
            List<String> slots = strings(connected, "subscriptions");
            assertEquals(2, slots.size());
            awaitEventPath(client, "p1");
            TestBroker.publish(Envelopes.fileCreated("p1", "f2", "any"));
            assertEquals(List.of(slots.get(0)), strings(client.next().getJsonObject("data"), "subscriptions"));
        }
    }

    @Test
    void anOversizedFrameCloses1009AndBinaryFramesAreReadAsText() throws Exception {
        try (WsClient client = WsClient.connect(base, "project=p1")) {
            client.next();
            client.send("{\"type\":\"ping\",\"data\":\"" + "x".repeat(64_000) + "\"}");
            assertEquals(1009, client.closeCode(10, TimeUnit.SECONDS));
        }
        try (WsClient client = WsClient.connect(base, "project=p1")) {
            client.next();
            client.sendBinary(new byte[]{1, 2, 3});
            JsonObject error = client.next();
            assertEquals(1003, error.getJsonObject("data").getInt("code"));
            client.sendBinary("{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
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
}
