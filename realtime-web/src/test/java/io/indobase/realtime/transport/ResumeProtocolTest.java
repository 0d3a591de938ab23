package io.indobase.realtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.identity.InvalidCredentialException;
import io.indobase.realtime.stats.RealtimeStats;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code lastEventId} on the wire: the answer, the replayed events and the live stream, in the three generations. */
class ResumeProtocolTest {

    private final ScriptedSession script = new ScriptedSession();
    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    private final RealtimeSession session = new RealtimeSession(TestServices.of(registry, (project, credential) -> {
        throw new InvalidCredentialException("no sessions here");
    }), script.outbox(8, new RealtimeStats()));

    @BeforeEach
    void inline() {
        script.inline = true;
    }

    private void publish(String id, String role) {
        registry.deliver(id, new Envelope("p1", "buckets.b.files." + id + ".create", Json.createObjectBuilder().add("$id", id).build(),
                Set.of(role), Instant.EPOCH));
    }

    /** Each frame as type, or type:id for events, or response:to for responses. */
    private List<String> frames() {
        return script.written.stream().map(f -> {
            JsonObject frame = Json.createReader(new StringReader(f)).readObject();
            String type = frame.getString("type");
            return switch (type) {
                case "event" -> "event:" + frame.getString("id");
                case "response" -> "response:" + frame.getJsonObject("data").getString("to");
                default -> type;
            };
        }).toList();
    }

    private JsonObject frame(String kind) {
        int index = frames().indexOf(kind);
        return Json.createReader(new StringReader(script.written.get(index))).readObject().getJsonObject("data");
    }

    @Test
    void urlChannelsResumeAtOnceWithTheAnswerFirstThenWhatWasMissedThenLiveEvents() {
        publish("e1", "any");
        publish("e2", "any");
        publish("e3", "users");
        publish("e4", "guests");
        session.open("p1", Map.of("channels[]", List.of("files"), "lastEventId", List.of("e1")));
        publish("e5", "any");
        assertEquals(List.of("connected", "response:resume", "event:e2", "event:e4", "event:e5"), frames());
        JsonObject answer = frame("response:resume");
        assertTrue(answer.getBoolean("resumed"));
        assertEquals("e1", answer.getString("lastEventId"));
        assertEquals(2, answer.getInt("replayed"));
    }

    @Test
    void inMessageModeTheFirstSubscribeCarriesTheResume() {
        publish("e1", "any");
        session.open("p1", Map.of("lastEventId", List.of("e1")));
        publish("e2", "any");
        session.onText("{\"type\":\"subscribe\",\"data\":[{\"subscriptionId\":\"s\",\"channels\":[\"files\"]}]}");
        publish("e3", "any");
        session.onText("{\"type\":\"subscribe\",\"data\":[{\"subscriptionId\":\"t\",\"channels\":[\"documents\"]}]}");
        assertEquals(List.of("connected", "response:subscribe", "response:resume", "event:e2", "event:e3", "response:subscribe"),
                frames());
    }

    @Test
    void anIdNotInTheWindowIsAnsweredExplicitlyAndTheLiveStreamFollows() {
        session.open("p1", Map.of("channels[]", List.of("files"), "lastEventId", List.of("ID:long-gone")));
        publish("e1", "any");
        assertEquals(List.of("connected", "response:resume", "event:e1"), frames());
        JsonObject answer = frame("response:resume");
        assertFalse(answer.getBoolean("resumed"));
        assertEquals(0, answer.getInt("replayed"));
        assertTrue(answer.getString("reason").contains("refetch"));
    }

    @Test
    void moreMissedThanHalfTheOutboxIsAnsweredAsNotResumed() {
        publish("e0", "any");
        for (int i = 1; i <= 5; i++) {
            publish("e" + i, "any");
        }
        session.open("p1", Map.of("channels[]", List.of("files"), "lastEventId", List.of("e0")));
        assertEquals(List.of("connected", "response:resume"), frames());
        assertFalse(frame("response:resume").getBoolean("resumed"));
    }

    @Test
    void anEmptyOrOverlongLastEventIdIsAPolicyViolation() {
        session.open("p1", Map.of("channels[]", List.of("files"), "lastEventId", List.of("x".repeat(257))));
        assertEquals(List.of("error"), frames());
        assertEquals(1008, script.closed.getCloseCode().getCode());
    }

    @Test
    void eventsCarryTheirIdBesideTypeAndData() {
        session.open("p1", Map.of("channels[]", List.of("files")));
        publish("ID:abc", "any");
        assertTrue(script.written.get(1).startsWith("{\"type\":\"event\",\"id\":\"ID:abc\",\"data\":{"), script.written.get(1));
    }
}
