package io.indobase.realtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.identity.Account;
import io.indobase.realtime.identity.InvalidCredentialException;
import io.indobase.realtime.limit.Limits;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.presence.PresenceException;
import io.indobase.realtime.presence.PresenceRequest;
import io.indobase.realtime.presence.Presences;
import io.indobase.realtime.stats.RealtimeStats;
import io.indobase.realtime.subscription.Connection;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import io.indobase.realtime.transport.protocol.SubscriptionQueries;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The protocol of one socket, against the real registry, with frames written inline. */
class RealtimeSessionTest {

    private static final JsonObject ACCOUNT = Json.createObjectBuilder().add("$id", "u1").add("name", "Ada").build();

    private final ScriptedSession script = new ScriptedSession();
    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    private final List<String> presenceLog = new ArrayList<>();
    /** Records what the session asks of presence; the presence core has its own tests. */
    private final Presences presences = new Presences() {
        @Override
        public String upsert(Connection connection, PresenceRequest request) {
            presenceLog.add("upsert " + connection.identity().userId() + " " + request.status());
            if (connection.identity().isGuest()) {
                throw new PresenceException(PresenceException.UNAUTHORIZED, "User must be authorized");
            }
            return "{\"type\":\"response\",\"data\":{\"to\":\"presence\",\"presence\":{}}}";
        }

        @Override
        public boolean owns(Connection connection) {
            return presenceLog.stream().anyMatch(line -> line.equals("upsert " + connection.identity().userId() + " online"));
        }

        @Override
        public void closed(Connection connection) {
            presenceLog.add("closed " + connection.identity().userId());
        }
    };
    private final RealtimeSession session = new RealtimeSession(TestServices.of(registry, (project, credential) -> {
        if (!credential.equals("good")) {
            throw new InvalidCredentialException("unknown");
        }
        return new Account(Identity.user("u1", true, List.of(), List.of()), ACCOUNT);
    }, Limits.defaults(), presences), script.outbox(100, new RealtimeStats()));

    @BeforeEach
    void inline() {
        script.inline = true;
    }

    private JsonObject frame(int index) {
        return Json.createReader(new StringReader(script.written.get(index))).readObject();
    }

    private JsonObject last() {
        return frame(script.written.size() - 1);
    }

    private static List<String> strings(JsonObject data, String key) {
        return data.getJsonArray(key).getValuesAs(JsonString::getString);
    }

    private void publish(String event, String role) {
        registry.deliver(new Envelope("p1", event, Json.createObjectBuilder().add("$id", event).build(), Set.of(role),
                Instant.EPOCH));
    }

    @Test
    void classicUrlChannelsAreOneSubscriptionNamedInConnected() {
        session.open("p1", Map.of("channels[]", List.of("files", "account", "account.someone")));
        JsonObject connected = frame(0).getJsonObject("data");
        assertEquals(List.of("files", "account"), strings(connected, "channels"));
        assertEquals(1, connected.getJsonArray("subscriptions").size());
        assertTrue(connected.isNull("user"));
        publish("buckets.b.files.f.create", "any");
        assertEquals(strings(connected, "subscriptions"), strings(last().getJsonObject("data"), "subscriptions"));
    }

    @Test
    void slotsThatDoNotStartAtZeroAreNamedByNumber() {
        String all = SubscriptionQueries.SELECT_ALL;
        session.open("p1", Map.of("channels[]", List.of("files", "documents"), "files[1][]", List.of(all),
                "documents[3][]", List.of(all)));
        JsonObject subscriptions = frame(0).getJsonObject("data").getJsonObject("subscriptions");
        assertEquals(Set.of("1", "3"), subscriptions.keySet());
    }

    @Test
    void connectedListsTheUrlChannelsInTheirOrderWhateverTheirSlots() {
        String all = SubscriptionQueries.SELECT_ALL;
        session.open("p1", Map.of("channels[]", List.of("documents", "files"), "documents[1][]", List.of(all)));
        JsonObject connected = frame(0).getJsonObject("data");
        assertEquals(List.of("documents", "files"), strings(connected, "channels"));
        assertEquals(2, connected.getJsonArray("subscriptions").size());
    }

    @Test
    void aProjectIdLongerThanAppwritesIsRefused() {
        session.open("p".repeat(37), Map.of());
        assertEquals(1008, last().getJsonObject("data").getInt("code"));
    }

    @Test
    void anUnsupportedQueryInTheUrlIsAPolicyViolationThatCloses() {
        session.open("p1", Map.of("channels[]", List.of("files"), "files[0][]", List.of("{\"method\":\"search\"}")));
        assertEquals(1008, last().getJsonObject("data").getInt("code"));
        assertEquals(1008, script.closed.getCloseCode().getCode());
    }

    @Test
    void aMissingProjectIsAPolicyViolationThatCloses() {
        session.open(" ", Map.of());
        assertEquals("Missing or unknown project ID", last().getJsonObject("data").getString("message"));
        assertEquals(1008, script.closed.getCloseCode().getCode());
    }

    @Test
    void subscribeEchoesConvertedChannelsAndTheQueriesGiven() {
        session.open("p1", Map.of());
        session.onText("{\"type\":\"subscribe\",\"data\":[{\"subscriptionId\":\"a\",\"channels\":[\"account.update\",\"files\"]},"
                + "{\"subscriptionId\":\"b\",\"channels\":[\"files\"],\"queries\":[" + quoted(SubscriptionQueries.SELECT_ALL) + "]}]}");
        JsonObject a = last().getJsonObject("data").getJsonArray("subscriptions").getJsonObject(0);
        assertEquals(List.of("account.update", "files"), strings(a, "channels"));
        assertEquals(List.of(), strings(a, "queries"));
        JsonObject b = last().getJsonObject("data").getJsonArray("subscriptions").getJsonObject(1);
        assertEquals(List.of(SubscriptionQueries.SELECT_ALL), strings(b, "queries"));
    }

    @Test
    void anEventReachesOnlyTheSubscriptionsWhoseQueriesItsPayloadPasses() {
        session.open("p1", Map.of());
        String active = "{\"method\":\"equal\",\"attribute\":\"status\",\"values\":[\"active\"]}";
        session.onText("{\"type\":\"subscribe\",\"data\":[{\"subscriptionId\":\"active\",\"channels\":[\"documents\"],"
                + "\"queries\":[" + quoted(active) + "]},{\"subscriptionId\":\"all\",\"channels\":[\"documents\"]}]}");
        deliverDocument("d1", "active");
        assertEquals(List.of("active", "all"), strings(last().getJsonObject("data"), "subscriptions"));
        deliverDocument("d2", "archived");
        assertEquals(List.of("all"), strings(last().getJsonObject("data"), "subscriptions"));
        session.onText("{\"type\":\"unsubscribe\",\"data\":[{\"subscriptionId\":\"all\"}]}");
        int before = script.written.size();
        deliverDocument("d3", "archived");
        assertEquals(before, script.written.size(), "no subscription of the socket passes");
    }

    @Test
    void aRefusedQueryCreatesNoSubscription() {
        session.open("p1", Map.of());
        session.onText("{\"type\":\"subscribe\",\"data\":[{\"subscriptionId\":\"s\",\"channels\":[\"documents\"],"
                + "\"queries\":[" + quoted("{\"method\":\"search\",\"attribute\":\"a\",\"values\":[\"x\"]}") + "]}]}");
        assertEquals(1003, last().getJsonObject("data").getInt("code"));
        assertTrue(last().getJsonObject("data").getString("message").startsWith("Invalid query: Query method 'search'"));
        int before = script.written.size();
        deliverDocument("d1", "active");
        assertEquals(before, script.written.size());
        assertNull(script.closed);
    }

    private static String quoted(String query) {
        return Json.createArrayBuilder().add(query).build().toString().replaceAll("^\\[|\\]$", "");
    }

    private void deliverDocument(String id, String status) {
        registry.deliver(new Envelope("p1", "databases.d.collections.c.documents." + id + ".create",
                Json.createObjectBuilder().add("$id", id).add("status", status).build(), Set.of("any"), Instant.EPOCH));
    }

    @Test
    void aBatchWithOneBadItemChangesNothing() {
        session.open("p1", Map.of());
        session.onText("{\"type\":\"subscribe\",\"data\":[{\"channels\":[\"files\"]},{\"channels\":\"documents\"}]}");
        assertEquals(1003, last().getJsonObject("data").getInt("code"));
        publish("buckets.b.files.f.create", "any");
        assertEquals("error", last().getString("type"));
        assertNull(script.closed);
    }

    @Test
    void aRefusedSessionIsAnErrorThatKeepsTheSocketAndTheGuest() {
        session.open("p1", Map.of("channels[]", List.of("files")));
        session.onText("{\"type\":\"authentication\",\"data\":{\"session\":\"forged\"}}");
        assertEquals("Session is not valid.", last().getJsonObject("data").getString("message"));
        assertNull(script.closed);
        publish("buckets.b.files.f.create", "guests");
        assertEquals("event", last().getString("type"));
    }

    @Test
    void signingInAnswersWithTheAccountAndSwitchesRolesAndAccountChannels() {
        session.open("p1", Map.of("channels[]", List.of("files", "account.update")));
        session.onText("{\"type\":\"authentication\",\"data\":{\"session\":\"good\"}}");
        JsonObject response = last().getJsonObject("data");
        assertEquals("authentication", response.getString("to"));
        assertEquals(ACCOUNT, response.getJsonObject("user"));
        int before = script.written.size();
        publish("buckets.b.files.f1.create", "guests");
        assertEquals(before, script.written.size(), "no longer a guest");
        publish("users.u1.update.name", "user:u1");
        assertEquals(List.of("account", "account.u1", "account.update", "account.u1.update"),
                strings(last().getJsonObject("data"), "channels"));
    }

    @Test
    void aCloseReasonIsCutTo123BytesButTheErrorFrameKeepsTheWholeMessage() {
        String query = "{\"method\":\"" + "x".repeat(200) + "\"}";
        session.open("p1", Map.of("channels[]", List.of("files"), "files[0][]", List.of(query)));
        assertTrue(last().getJsonObject("data").getString("message").contains("x".repeat(200)));
        assertTrue(script.closed.getReasonPhrase().length() <= 123);
    }

    @Test
    void aGuestsPresenceIsRefusedWith401AndTheSocketStays() {
        session.open("p1", Map.of());
        session.onText("{\"type\":\"presence\",\"data\":{\"status\":\"online\"}}");
        assertEquals(401, last().getJsonObject("data").getInt("code"));
        assertEquals("User must be authorized", last().getJsonObject("data").getString("message"));
        assertNull(script.closed);
    }

    @Test
    void aSocketWithoutPresenceClosesWithoutAPresenceTask() {
        session.open("p1", Map.of());
        session.onText("{\"type\":\"authentication\",\"data\":{\"session\":\"good\"}}");
        session.close();
        assertEquals(List.of(), presenceLog, "nothing to delete, no task on the container's scheduler");
    }

    @Test
    void aSignedInUsersPresenceIsAnsweredAndDeletedWhenTheSocketCloses() {
        session.open("p1", Map.of());
        session.onText("{\"type\":\"authentication\",\"data\":{\"session\":\"good\"}}");
        session.onText("{\"type\":\"presence\",\"data\":{\"status\":\"online\",\"presenceId\":\"pr1\"}}");
        assertEquals("presence", last().getJsonObject("data").getString("to"));
        session.close();
        assertEquals(List.of("upsert u1 online", "closed u1"), presenceLog);
    }

    @Test
    void pingNeedsNoProject() {
        session.onText("{\"type\":\"ping\"}");
        assertEquals("pong", last().getString("type"));
        session.onText("{\"type\":\"unsubscribe\",\"data\":[{\"subscriptionId\":\"a\"}]}");
        assertEquals(1008, last().getJsonObject("data").getInt("code"));
    }
}
