package io.indobase.realtime.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A corpus of bad client input. Every case gets its documented error frame (docs/protocol.md, docs/security.md)
 * and leaves the socket open unless the document says it closes; meanwhile a watcher on another socket keeps
 * receiving every event published between the cases.
 * <p>Run by {@code BadInputIT} (realtime-web, the WAR on Payara Micro).
 */
public final class BadInputScenarios {

    private static final String PROJECT = "badinput";

    /** One bad message and the error it must get. */
    private record Case(String message, int code, String messageStart) {
    }

    private static final List<Case> CORPUS = List.of(
            new Case("{", 1003, "Message format is not valid."),
            new Case("", 1003, "Message format is not valid."),
            new Case("null", 1003, "Message format is not valid."),
            new Case("[1,2]", 1003, "Message format is not valid."),
            new Case("{\"type\":\"ping\"} trailing", 1003, "Message format is not valid."),
            new Case("{\"type\":null}", 1003, "Message type is not valid."),
            new Case("{\"type\":1}", 1003, "Message type is not valid."),
            new Case("{\"type\":\"dance\",\"data\":{}}", 1003, "Message type is not valid."),
            new Case("{\"type\":\"subscribe\",\"data\":null}", 1003, "Payload is not valid. Items is required"),
            new Case("{\"type\":\"subscribe\",\"data\":\"files\"}", 1003, "items: "),
            new Case("{\"type\":\"subscribe\",\"data\":[{\"channels\":\"files\"}]}", 1003, "items: channels is not a valid array."),
            new Case("{\"type\":\"subscribe\",\"data\":[{\"channels\":[1]}]}", 1003, "items: channels must contain only strings."),
            new Case("{\"type\":\"subscribe\",\"data\":[{\"subscriptionId\":\"-bad\",\"channels\":[]}]}", 1003, "items: subscriptionId"),
            new Case("{\"type\":\"subscribe\",\"data\":[{\"channels\":[\"files\"],\"queries\":[\"{]\"]}]}", 1003, "Invalid query"),
            new Case("{\"type\":\"unsubscribe\",\"data\":[{}]}", 1003, "items: Each unsubscribe payload"),
            new Case("{\"type\":\"authentication\",\"data\":{\"session\":5}}", 1003, "session: Value must be"),
            new Case("{\"type\":\"authentication\",\"data\":null}", 1003, "Payload is not valid. Session is required"),
            new Case("{\"type\":\"authentication\",\"data\":{\"session\":\"\\u0000\\ud800\"}}", 1003, "Session is not valid."),
            new Case(subscribeChannels(600), 1013, "Too many channels"),
            new Case(subscribeItems(101), 1013, "Too many subscriptions"));

    private BadInputScenarios() {
    }

    public static void everyBadMessageGetsItsErrorAndOthersKeepReceiving(URL base) throws Exception {
        try (WsClient watcher = WsClient.connect(base, "project=" + PROJECT + "&channels[]=files")) {
            watcher.next();
            EventPathScenarios.awaitEventPath(watcher, PROJECT);
            int sent = 0;
            // a fresh socket every 25 messages keeps each within its message budget (32 a minute)
            List<List<Case>> batches = new ArrayList<>();
            for (int i = 0; i < CORPUS.size(); i += 25) {
                batches.add(CORPUS.subList(i, Math.min(CORPUS.size(), i + 25)));
            }
            for (List<Case> batch : batches) {
                try (WsClient bad = WsClient.connect(base, "project=" + PROJECT)) {
                    bad.next();
                    for (Case c : batch) {
                        bad.send(c.message);
                        JsonObject error = bad.next();
                        assertEquals("error", error.getString("type"), c.message);
                        assertEquals(c.code, error.getJsonObject("data").getInt("code"), c.message);
                        assertTrue(error.getJsonObject("data").getString("message").startsWith(c.messageStart),
                                c.message + " -> " + error.getJsonObject("data").getString("message"));
                        TestBroker.publish(Envelopes.fileCreated(PROJECT, "between-" + sent, "any"));
                        assertEquals("between-" + sent++, payloadId(watcher.next()));
                    }
                    bad.send("{\"type\":\"ping\"}");
                    assertEquals("pong", bad.next().getString("type"), "the socket stays open after 1003 and 1013");
                }
            }
        }
    }

    /** Odd but valid input is accepted: unicode channel names, nulls inside strings, binary frames of JSON. */
    public static void oddButValidInputIsAccepted(URL base) throws Exception {
        try (WsClient client = WsClient.connect(base, "project=" + PROJECT)) {
            client.next();
            client.send("{\"type\":\"subscribe\",\"data\":[{\"subscriptionId\":\"u\",\"channels\":[\"f\\u0000iles\",\"\u00e9v\u00e9nements\",\"\ud83d\ude00\"]}]}");
            JsonObject response = client.next().getJsonObject("data");
            assertEquals(List.of("f\u0000iles", "\u00e9v\u00e9nements", "\ud83d\ude00"), EventPathScenarios.strings(
                    response.getJsonArray("subscriptions").getJsonObject(0), "channels"));
            client.sendBinary("{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals("pong", client.next().getString("type"));
            client.sendBinary(new byte[] {(byte) 0xff, (byte) 0xfe, 0});
            assertEquals(1003, client.next().getJsonObject("data").getInt("code"));
        }
    }

    /** Over the message budget: an error per message, the socket stays open and is served again next minute. */
    public static void aFloodOfMessagesGetsTooManyMessages(URL base) throws Exception {
        try (WsClient flood = WsClient.connect(base, "project=" + PROJECT)) {
            flood.next();
            for (int i = 0; i < 32; i++) {
                flood.send("{\"type\":\"ping\"}");
                assertEquals("pong", flood.next().getString("type"));
            }
            flood.send("{\"type\":\"ping\"}");
            JsonObject error = flood.next().getJsonObject("data");
            assertEquals(1013, error.getInt("code"));
            assertEquals("Too many messages.", error.getString("message"));
            assertEquals(-1, flood.closeCode(1, TimeUnit.SECONDS));
        }
    }

    private static String payloadId(JsonObject frame) {
        return frame.getJsonObject("data").getJsonObject("payload").getString("$id");
    }

    private static String subscribeChannels(int count) {
        StringBuilder channels = new StringBuilder();
        for (int i = 0; i < count; i++) {
            channels.append(i == 0 ? "" : ",").append("\"documents.d").append(i).append('"');
        }
        return "{\"type\":\"subscribe\",\"data\":[{\"channels\":[" + channels + "]}]}";
    }

    private static String subscribeItems(int count) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < count; i++) {
            items.append(i == 0 ? "" : ",").append("{\"subscriptionId\":\"s").append(i).append("\",\"channels\":[\"files\"]}");
        }
        return "{\"type\":\"subscribe\",\"data\":[" + items + "]}";
    }
}
