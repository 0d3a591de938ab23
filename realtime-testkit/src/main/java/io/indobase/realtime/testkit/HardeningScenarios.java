package io.indobase.realtime.testkit;

import static io.indobase.realtime.testkit.SecurityFixtures.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The attacks of the security review (docs/security.md, "Threat model"), against a running node configured with
 * {@link SecurityFixtures}: lost roles stay lost — after a membership delete, a new socket signed in with the same
 * still-valid token or realm login, resuming with {@code lastEventId} or not, receives no event only the team may
 * read, live or by replay, while a token issued after the change says so again —; an ingest key over its rate gets
 * 429; concurrent handshakes with every kind of credential each end with exactly their own roles.
 * <p>Run by {@code HandshakeSecurityIT} (realtime-web, the WAR on Payara Micro).
 */
public final class HardeningScenarios {

    private static final String CHANNELS = "project=" + PROJECT + "&channels[]=files&channels[]=memberships";

    private HardeningScenarios() {
    }

    /** A token user and a realm user lose the team {@code demo}; their credentials do not give it back. */
    public static void lostRolesStayLostOnReconnect(URL base) throws Exception {
        String token = SecurityScenarios.TOKENS.token("ivy", List.of("team.demo.owner"), "sess-ivy", 300);
        String lastId;
        try (WsClient ivy = WsClient.connect(base, CHANNELS + "&jwt=" + token)) {
            ivy.next();
            EventPathScenarios.awaitEventPath(ivy, PROJECT);
            TestBroker.publish(Envelopes.fileCreated(PROJECT, "team-before", "team:demo"));
            JsonObject before = ivy.next();
            assertEquals("team-before", EventPathScenarios.payloadId(before));
            lastId = before.getString("id");
            removeMembership(ivy, "ivy");
        }
        // while ivy is away: one event only the team may read, one anybody may read
        TestBroker.publish(Envelopes.fileCreated(PROJECT, "team-while-away", "team:demo"));
        TestBroker.publish(Envelopes.fileCreated(PROJECT, "any-while-away", "any"));
        String resume = CHANNELS + "&jwt=" + token + "&lastEventId=" + URLEncoder.encode(lastId, StandardCharsets.UTF_8);
        try (WsClient again = WsClient.connect(base, resume)) {
            again.next();
            JsonObject answer = again.next().getJsonObject("data");
            assertEquals("resume", answer.getString("to"));
            assertTrue(answer.getBoolean("resumed"), "resumed within the window: " + answer);
            assertEquals("any-while-away", EventPathScenarios.payloadId(again.next()), "not the team's event");
            assertEquals("any-after", teamEventThenSentinel(again, "team-after", "any-after"));
        }
        String later = SecurityScenarios.TOKENS.sign(Json.createObjectBuilder().add("iss", Tokens.ISSUER)
                .add("upn", "ivy").add("sub", "ivy").add("iat", System.currentTimeMillis() / 1000 + 2)
                .add("exp", System.currentTimeMillis() / 1000 + 300)
                .add("groups", Json.createArrayBuilder(List.of("team.demo.owner"))).build());
        try (WsClient issuedLater = WsClient.connect(base, CHANNELS + "&jwt=" + later)) {
            issuedLater.next();
            assertEquals("team-new-token", teamEventThenSentinel(issuedLater, "team-new-token", "any-new-token"),
                    "a token issued after the change says so again");
        }
        realmLoginDoesNotGiveTheTeamBack(base);
    }

    private static void realmLoginDoesNotGiveTheTeamBack(URL base) throws Exception {
        String bob = SecurityScenarios.basic(SecurityFixtures.BOB, SecurityFixtures.BOB_PASSWORD);
        try (WsClient first = WsClient.connect(base, CHANNELS, "Authorization", bob)) {
            first.next();
            EventPathScenarios.awaitEventPath(first, PROJECT);
            assertEquals("bob-team-before", teamEventThenSentinel(first, "bob-team-before", "bob-any-before"));
            first.next(); // the sentinel
            removeMembership(first, "bob");
        }
        try (WsClient again = WsClient.connect(base, CHANNELS, "Authorization", bob)) {
            again.next();
            assertEquals("bob-any-after", teamEventThenSentinel(again, "bob-team-after", "bob-any-after"));
        }
    }

    /** Publishes the delete of the user's membership of {@code demo}; the socket still receives it. */
    private static void removeMembership(WsClient client, String user) throws Exception {
        String membership = "{\"$id\":\"m-" + user + "\",\"teamId\":\"demo\",\"userId\":\"" + user + "\",\"confirm\":true}";
        TestBroker.publish(Envelopes.of(PROJECT, "teams.demo.memberships.m-" + user + ".delete", membership, "team:demo"));
        assertEquals("teams.demo.memberships.m-" + user + ".delete", firstEvent(client.next()));
    }

    /** Publishes an event only {@code team:demo} may read, then one anybody may read; returns the first that came. */
    private static String teamEventThenSentinel(WsClient client, String teamId, String anyId) throws Exception {
        TestBroker.publish(Envelopes.fileCreated(PROJECT, teamId, "team:demo"));
        TestBroker.publish(Envelopes.fileCreated(PROJECT, anyId, "any"));
        return EventPathScenarios.payloadId(client.next(10, TimeUnit.SECONDS));
    }

    /** The presence list refuses a bearer token whose session an event ended, as a socket would. */
    public static void thePresenceListRefusesARevokedSession(URL base) throws Exception {
        String token = SecurityScenarios.TOKENS.token("lee", List.of(), "sess-lee", 300);
        String path = "v1/realtime/presences?project=" + PROJECT;
        assertEquals(200, Http.get(base, path, "Authorization", "Bearer " + token).status());
        try (WsClient guest = WsClient.connect(base, "project=" + PROJECT + "&channels[]=files")) {
            guest.next();
            EventPathScenarios.awaitEventPath(guest, PROJECT);
            TestBroker.publish(Envelopes.of(PROJECT, "users.lee.sessions.sess-lee.delete", "{\"$id\":\"sess-lee\"}", "user:lee"));
            TestBroker.publish(Envelopes.fileCreated(PROJECT, "after-revocation", "any"));
            assertEquals("after-revocation", EventPathScenarios.payloadId(guest.next()), "the revocation was handled");
        }
        Http.Reply refused = Http.get(base, path, "Authorization", "Bearer " + token);
        assertEquals(401, refused.status());
        assertTrue(refused.body().contains("The session was revoked."), refused.body());
    }

    /** The key's envelopes beyond {@code perMinute} in a minute get 429 with a problem body; another key is not affected. */
    public static void anIngestKeyOverItsRateGets429(URL base, int perMinute) throws Exception {
        String envelope = Envelopes.fileCreated("elsewhere", "rate", "any");
        for (int i = 0; i < perMinute; i++) {
            assertEquals(202, Http.post(base, "v1/realtime/events", envelope, "X-Indobase-Key",
                    SecurityFixtures.RATE_KEY).status(), "envelope " + i);
        }
        Http.Reply over = Http.post(base, "v1/realtime/events", envelope, "X-Indobase-Key", SecurityFixtures.RATE_KEY);
        assertEquals(429, over.status());
        assertEquals("application/problem+json", over.contentType());
        assertEquals(202, Http.post(base, "v1/realtime/events", Envelopes.fileCreated(PROJECT, "other-key", "any"),
                "X-Indobase-Key", SecurityFixtures.INGEST_KEY).status());
    }

    /**
     * {@code count} handshakes at once, a quarter each with an API key, a bearer token of its own user, a realm login
     * and no credential; then one event per token user and realm user, readable by that user only, and a sentinel
     * for everyone. Each socket must receive exactly what its own roles allow: a handshake's caller or groups leaking
     * into another's session would show here.
     */
    public static void concurrentHandshakesEachEndWithTheirOwnRoles(URL base, int count) throws Exception {
        for (int kind = 0; kind < 4; kind++) {
            open(base, kind).close(); // one of each kind first: the race is about sharing, not a cold server
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 32));
        try {
            List<Future<WsClient>> opening = new ArrayList<>();
            String[] expectedUser = new String[count];
            for (int i = 0; i < count; i++) {
                int n = i;
                expectedUser[i] = switch (i % 4) {
                    case 1 -> "racer" + i;
                    case 2 -> i % 8 == 2 ? SecurityFixtures.ALICE : SecurityFixtures.BOB;
                    default -> null;
                };
                opening.add(pool.submit(() -> open(base, n)));
            }
            List<WsClient> clients = new ArrayList<>();
            for (Future<WsClient> f : opening) {
                clients.add(f.get(60, TimeUnit.SECONDS));
            }
            try {
                for (int i = 0; i < count; i++) {
                    JsonObject connected = clients.get(i).next().getJsonObject("data");
                    String user = connected.isNull("user") ? null : connected.getJsonObject("user").getString("$id");
                    assertEquals(expectedUser[i], user, "handshake " + i + " (kind " + i % 4 + ")");
                }
                EventPathScenarios.awaitEventPath(clients.get(0), PROJECT);
                for (int i = 1; i < count; i += 4) {
                    TestBroker.publish(Envelopes.fileCreated(PROJECT, "own-" + i, "user:racer" + i));
                }
                TestBroker.publish(Envelopes.fileCreated(PROJECT, "own-alice", "user:alice"));
                TestBroker.publish(Envelopes.fileCreated(PROJECT, "own-bob", "user:bob"));
                TestBroker.publish(Envelopes.fileCreated(PROJECT, "race-end", "any"));
                for (int i = 0; i < count; i++) {
                    assertEquals(expectedIds(i, expectedUser[i], count), idsUntilTheEnd(clients.get(i)), "socket " + i);
                }
            } finally {
                clients.forEach(WsClient::close);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static WsClient open(URL base, int i) throws Exception {
        String query = "project=" + PROJECT + "&channels[]=files";
        return switch (i % 4) {
            case 0 -> WsClient.connect(base, query, "X-Indobase-Key", SecurityFixtures.SUBSCRIBE_KEY);
            case 1 -> WsClient.connect(base, query, "Authorization",
                    "Bearer " + SecurityScenarios.TOKENS.token("racer" + i, List.of("label.r" + i), null, 300));
            case 2 -> i % 8 == 2
                    ? WsClient.connect(base, query, "Authorization",
                            SecurityScenarios.basic(SecurityFixtures.ALICE, SecurityFixtures.ALICE_PASSWORD))
                    : WsClient.connect(base, query, "Authorization",
                            SecurityScenarios.basic(SecurityFixtures.BOB, SecurityFixtures.BOB_PASSWORD));
            default -> WsClient.connect(base, query);
        };
    }

    /** What socket {@code i} may read of the race's events: an API key everything, a user their own, a guest none. */
    private static List<String> expectedIds(int i, String user, int count) {
        List<String> ids = new ArrayList<>();
        if (i % 4 == 0) {
            for (int k = 1; k < count; k += 4) {
                ids.add("own-" + k);
            }
            ids.add("own-alice");
            ids.add("own-bob");
        } else if (user != null) {
            ids.add(user.startsWith("racer") ? "own-" + i : "own-" + user);
        }
        ids.add("race-end");
        return ids;
    }

    private static List<String> idsUntilTheEnd(WsClient client) throws Exception {
        List<String> ids = new ArrayList<>();
        String id;
        do {
            JsonObject frame = client.next(15, TimeUnit.SECONDS);
            assertTrue(frame != null, "no race-end within 15 s after " + ids);
            id = EventPathScenarios.payloadId(frame);
            if (!"probe".equals(id)) {
                ids.add(id);
            }
        } while (!"race-end".equals(id));
        return ids;
    }

    private static String firstEvent(JsonObject frame) {
        return frame.getJsonObject("data").getJsonArray("events").getString(0);
    }
}
