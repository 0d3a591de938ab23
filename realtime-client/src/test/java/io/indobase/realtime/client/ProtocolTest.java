package io.indobase.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolTest {

    @Test
    void theSocketIsAtRealtimeUnderTheEndpointWithTheWebSocketScheme() {
        assertEquals(URI.create("ws://localhost:8080/v1/realtime?project=demo"),
                Protocol.socketUri(URI.create("http://localhost:8080/v1"), "demo", null));
        assertEquals(URI.create("wss://rt.example.com/v1/realtime?project=p-1"),
                Protocol.socketUri(URI.create("https://rt.example.com/v1/"), "p-1", null));
        assertEquals(URI.create("ws://h/v1/realtime?project=demo&lastEventId=ID%3A22b2aa96-eb3e"),
                Protocol.socketUri(URI.create("ws://h/v1"), "demo", "ID:22b2aa96-eb3e"));
        assertThrows(IllegalArgumentException.class, () -> Protocol.socketUri(URI.create("ftp://h/v1"), "demo", null));
    }

    @Test
    void subscribeCarriesTheClientsIdChannelsAndQueries() {
        Subscription subscription = new Subscription(null, List.of("files", "documents"), List.of(Query.equal("status", "a")), e -> { });
        assertEquals("{\"type\":\"subscribe\",\"data\":[{\"subscriptionId\":\"" + subscription.id()
                + "\",\"channels\":[\"files\",\"documents\"],\"queries\":[\"{\\\"method\\\":\\\"equal\\\","
                + "\\\"attribute\\\":\\\"status\\\",\\\"values\\\":[\\\"a\\\"]}\"]}]}", Protocol.subscribe(List.of(subscription)));
        assertTrue(subscription.id().matches("[0-9a-f]{20}"), subscription.id());
        assertEquals("{\"type\":\"unsubscribe\",\"data\":[{\"subscriptionId\":\"s1\"}]}", Protocol.unsubscribe("s1"));
    }

    @Test
    void anEventFrameBecomesATypedEvent() {
        RealtimeEvent event = Protocol.event(Protocol.parse("{\"type\":\"event\",\"id\":\"ID:1\",\"data\":{"
                + "\"events\":[\"buckets.b1.files.f1.create\",\"buckets.*.files.*.create\"],\"channels\":[\"files\"],"
                + "\"timestamp\":\"2026-11-28T10:20:30.123+00:00\",\"payload\":{\"$id\":\"f1\"},\"subscriptions\":[\"s1\"]}}"));
        assertEquals("ID:1", event.id());
        assertEquals("buckets.b1.files.f1.create", event.name());
        assertEquals(List.of("files"), event.channels());
        assertEquals(Instant.parse("2026-11-28T10:20:30.123Z"), event.timestamp());
        assertEquals("f1", event.payload().getString("$id"));
        assertEquals(List.of("s1"), event.subscriptions());
    }

    @Test
    void framesThatAreNotTheProtocolsAreRefusedWithWhatCame() {
        RealtimeException notJson = assertThrows(RealtimeException.class, () -> Protocol.parse("hello"));
        assertTrue(notJson.getMessage().contains("hello"), notJson.getMessage());
        assertThrows(RealtimeException.class, () -> Protocol.parse("{\"data\":1}"));
        assertThrows(RealtimeException.class, () -> Protocol.parse("[1]"));
        assertThrows(RealtimeException.class, () -> Protocol.event(Protocol.parse("{\"type\":\"event\",\"data\":{\"events\":[]}}")));
    }

    @Test
    void theResumeAnswerAndErrorsAreRead() {
        Resumption resumed = Protocol.resumption(Protocol.parse("{\"type\":\"response\",\"data\":{\"to\":\"resume\","
                + "\"success\":true,\"lastEventId\":\"ID:1\",\"resumed\":true,\"replayed\":3}}").getJsonObject("data"));
        assertEquals(new Resumption("ID:1", true, 3, ""), resumed);
        Resumption gap = Protocol.resumption(Protocol.parse("{\"type\":\"response\",\"data\":{\"to\":\"resume\","
                + "\"lastEventId\":\"x\",\"resumed\":false,\"replayed\":0,\"reason\":\"refetch\"}}").getJsonObject("data"));
        assertFalse(gap.resumed());
        assertEquals("refetch", gap.reason());
        RealtimeException error = Protocol.error(Protocol.parse("{\"type\":\"error\",\"data\":{\"code\":1003,"
                + "\"message\":\"Message type is not valid.\"}}").getJsonObject("data"));
        assertEquals(1003, error.code());
        assertEquals("Message type is not valid.", error.getMessage());
    }
}
