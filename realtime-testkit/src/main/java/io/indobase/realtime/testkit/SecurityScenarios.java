package io.indobase.realtime.testkit;

import static io.indobase.realtime.testkit.SecurityFixtures.PROJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The handshake matrix (anonymous, realm BASIC, JWT bearer, {@code jwt} parameter, {@code authentication} message,
 * API key; each valid, invalid, expired, tampered) against a server configured with {@link SecurityFixtures}. Each
 * accepted credential is proved by what it may read: an event readable by {@code team:demo/owner} reaches alice and
 * nobody else.
 * <p>Run by {@code HandshakeSecurityIT} (realtime-web, the WAR on Payara Micro) and {@code EarOnPayaraServerIT}
 * (realtime-system-test, the EAR on Payara Server); {@code AppwriteSdkIT} signs its users in with {@link #TOKENS}.
 */
public final class SecurityScenarios {

    public static final Tokens TOKENS = Tokens.forTests();
    private static final String CHANNELS = "project=" + PROJECT + "&channels[]=files";
    private static final List<String> ALICE_GROUPS = List.of("team.demo.owner", "label.vip", "verified");

    private SecurityScenarios() {
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes an event only {@code team:demo/owner} may read, then one anybody may read, and returns what came. */
    static String teamOwnerEventThenSentinel(WsClient client, String id) throws Exception {
        TestBroker.publish(Envelopes.fileCreated(PROJECT, id, "team:demo/owner"));
        TestBroker.publish(Envelopes.fileCreated(PROJECT, id + "-sentinel", "any"));
        return client.next().getJsonObject("data").getJsonObject("payload").getString("$id");
    }

    public static void anonymousIsAGuestAndReadsNoTeamEvent(URL base) throws Exception {
        try (WsClient guest = WsClient.connect(base, CHANNELS)) {
            assertTrue(guest.next().getJsonObject("data").isNull("user"));
            EventPathScenarios.awaitEventPath(guest, PROJECT);
            assertEquals("anon-sentinel", teamOwnerEventThenSentinel(guest, "anon"));
        }
    }

    public static void realmUsersAreAuthenticatedWithTheirGroupsAsRoles(URL base) throws Exception {
        try (WsClient alice = WsClient.connect(base, CHANNELS, "Authorization",
                basic(SecurityFixtures.ALICE, SecurityFixtures.ALICE_PASSWORD))) {
            JsonObject user = alice.next().getJsonObject("data").getJsonObject("user");
            assertEquals("alice", user.getString("$id"));
            assertEquals(List.of("vip"), EventPathScenarios.strings(user, "labels"));
            EventPathScenarios.awaitEventPath(alice, PROJECT);
            assertEquals("realm", teamOwnerEventThenSentinel(alice, "realm"));
        }
        try (WsClient bob = WsClient.connect(base, CHANNELS, "Authorization",
                basic(SecurityFixtures.BOB, SecurityFixtures.BOB_PASSWORD))) {
            assertEquals("bob", bob.next().getJsonObject("data").getJsonObject("user").getString("$id"));
            EventPathScenarios.awaitEventPath(bob, PROJECT);
            assertEquals("realm-bob-sentinel", teamOwnerEventThenSentinel(bob, "realm-bob"));
        }
        assertEquals(401, WsClient.handshakeStatus(base, CHANNELS, "Authorization", basic("alice", "wrong")));
        assertEquals(401, WsClient.handshakeStatus(base, CHANNELS, "Authorization", basic("mallory", "x")));
    }

    /**
     * A realm user in no group (carol) signs in with the plain user roles: {@code user:carol}, {@code users},
     * {@code user:carol/unverified} and {@code users/unverified}, and no team or verified role.
     */
    public static void aRealmUserWithoutGroupsSignsInWithThePlainUserRoles(URL base) throws Exception {
        assertEquals(401, WsClient.handshakeStatus(base, CHANNELS, "Authorization", basic(SecurityFixtures.CAROL, "wrong")));
        assertEquals(101, WsClient.handshakeStatus(base, CHANNELS, "Authorization",
                basic(SecurityFixtures.CAROL, SecurityFixtures.CAROL_PASSWORD)), "the right password upgrades");
        try (WsClient carol = WsClient.connect(base, CHANNELS, "Authorization",
                basic(SecurityFixtures.CAROL, SecurityFixtures.CAROL_PASSWORD))) {
            JsonObject user = carol.next().getJsonObject("data").getJsonObject("user");
            assertEquals("carol", user.getString("$id"));
            assertEquals(List.of(), EventPathScenarios.strings(user, "labels"));
            EventPathScenarios.awaitEventPath(carol, PROJECT);
            for (String role : List.of("team:demo", "users/verified", "user:carol/verified", "user:carol",
                    "users", "user:carol/unverified", "users/unverified")) {
                TestBroker.publish(Envelopes.fileCreated(PROJECT, "carol-" + role.replaceAll("[:/]", "-"), role));
            }
            for (String expected : List.of("carol-user-carol", "carol-users", "carol-user-carol-unverified",
                    "carol-users-unverified")) {
                assertEquals(expected, carol.next().getJsonObject("data").getJsonObject("payload").getString("$id"));
            }
        }
    }

    public static void bearerTokensAreCheckedBeforeTheUpgrade(URL base) throws Exception {
        String valid = TOKENS.token("dana", ALICE_GROUPS, null, 300);
        try (WsClient dana = WsClient.connect(base, CHANNELS, "Authorization", "Bearer " + valid)) {
            assertEquals("dana", dana.next().getJsonObject("data").getJsonObject("user").getString("$id"));
            EventPathScenarios.awaitEventPath(dana, PROJECT);
            assertEquals("bearer", teamOwnerEventThenSentinel(dana, "bearer"));
        }
        for (String bad : List.of(TOKENS.token("dana", ALICE_GROUPS, null, -120), Tokens.tampered(valid),
                new Tokens().token("dana", ALICE_GROUPS, null, 300), "not-a-token")) {
            assertEquals(401, WsClient.handshakeStatus(base, CHANNELS, "Authorization", "Bearer " + bad));
        }
    }

    public static void theJwtParameterSignsInOrClosesWith1008(URL base) throws Exception {
        String valid = TOKENS.token("erin", ALICE_GROUPS, null, 300);
        try (WsClient erin = WsClient.connect(base, CHANNELS + "&jwt=" + valid)) {
            assertEquals("erin", erin.next().getJsonObject("data").getJsonObject("user").getString("$id"));
            EventPathScenarios.awaitEventPath(erin, PROJECT);
            assertEquals("param", teamOwnerEventThenSentinel(erin, "param"));
        }
        for (String bad : List.of(TOKENS.token("erin", ALICE_GROUPS, null, -120), Tokens.tampered(valid),
                new Tokens().token("erin", ALICE_GROUPS, null, 300), "garbage")) {
            try (WsClient refused = WsClient.connect(base, CHANNELS + "&jwt=" + bad)) {
                JsonObject error = refused.next();
                assertEquals("error", error.getString("type"));
                assertEquals(401, error.getJsonObject("data").getInt("code"));
                assertTrue(error.getJsonObject("data").getString("message").startsWith("Failed to verify JWT. "));
                assertEquals(1008, refused.closeCode(10, TimeUnit.SECONDS));
            }
        }
    }

    public static void theAuthenticationMessageSwitchesRolesOrKeepsTheGuest(URL base) throws Exception {
        String valid = TOKENS.token("fay", ALICE_GROUPS, null, 300);
        try (WsClient client = WsClient.connect(base, CHANNELS)) {
            client.next();
            EventPathScenarios.awaitEventPath(client, PROJECT);
            for (String bad : List.of(TOKENS.token("fay", ALICE_GROUPS, null, -120), Tokens.tampered(valid), "x")) {
                client.send("{\"type\":\"authentication\",\"data\":{\"session\":\"" + bad + "\"}}");
                JsonObject error = client.next().getJsonObject("data");
                assertEquals(1003, error.getInt("code"));
                assertEquals("Session is not valid.", error.getString("message"));
            }
            assertEquals("msg-guest-sentinel", teamOwnerEventThenSentinel(client, "msg-guest"));
            client.send("{\"type\":\"authentication\",\"data\":{\"session\":\"" + valid + "\"}}");
            JsonObject response = client.next().getJsonObject("data");
            assertEquals("authentication", response.getString("to"));
            assertEquals("fay", response.getJsonObject("user").getString("$id"));
            assertEquals("msg", teamOwnerEventThenSentinel(client, "msg"));
        }
    }

    public static void apiKeysReadTheirWholeProjectAndNothingElse(URL base) throws Exception {
        try (WsClient service = WsClient.connect(base, CHANNELS, "X-Indobase-Key", SecurityFixtures.SUBSCRIBE_KEY)) {
            assertTrue(service.next().getJsonObject("data").isNull("user"));
            EventPathScenarios.awaitEventPath(service, PROJECT);
            TestBroker.publish(Envelopes.fileCreated(PROJECT, "private", "user:zed"));
            assertEquals("private", service.next().getJsonObject("data").getJsonObject("payload").getString("$id"));
        }
        for (String bad : List.of(SecurityFixtures.INGEST_KEY, SecurityFixtures.OTHER_PROJECT_KEY,
                SecurityFixtures.SUBSCRIBE_KEY.substring(0, SecurityFixtures.SUBSCRIBE_KEY.length() - 1) + "0", "rk_x")) {
            try (WsClient refused = WsClient.connect(base, CHANNELS, "X-Indobase-Key", bad)) {
                JsonObject error = refused.next().getJsonObject("data");
                assertEquals(401, error.getInt("code"));
                assertTrue(error.getString("message").startsWith("Invalid API key: "), error.getString("message"));
                assertEquals(1008, refused.closeCode(10, TimeUnit.SECONDS));
            }
        }
    }

    public static void anExpiringCredentialClosesTheSocketWith1008(URL base) throws Exception {
        try (WsClient client = WsClient.connect(base, CHANNELS + "&jwt=" + TOKENS.token("gus", List.of(), null, 3))) {
            assertEquals("gus", client.next().getJsonObject("data").getJsonObject("user").getString("$id"));
            JsonObject error = client.next(15, TimeUnit.SECONDS);
            assertEquals(1008, error.getJsonObject("data").getInt("code"));
            assertEquals("The session expired.", error.getJsonObject("data").getString("message"));
            assertEquals(1008, client.closeCode(5, TimeUnit.SECONDS));
        }
    }

    public static void browsersFromOtherOriginsAreRefused(URL base) throws Exception {
        try (WsClient evil = WsClient.connect(base, CHANNELS, "Origin", "https://evil.example")) {
            JsonObject error = evil.next().getJsonObject("data");
            assertEquals(1008, error.getInt("code"));
            assertTrue(error.getString("message").startsWith("Invalid Origin."));
            assertEquals(1008, evil.closeCode(10, TimeUnit.SECONDS));
        }
        String self = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        try (WsClient page = WsClient.connect(base, CHANNELS, "Origin", self)) {
            assertEquals("connected", page.next().getString("type"));
        }
    }

    /**
     * Live role refresh (beyond Appwrite): a membership created for the user lets it read the team's events at once,
     * its deletion still reaches the user and then stops them, and ending the session closes the socket.
     */
    public static void rolesFollowMembershipsAndAnEndedSessionCloses(URL base) throws Exception {
        String token = TOKENS.token("hal", List.of(), "sess-hal", 300);
        try (WsClient hal = WsClient.connect(base, "project=" + PROJECT + "&channels[]=files&channels[]=memberships&jwt=" + token)) {
            hal.next();
            EventPathScenarios.awaitEventPath(hal, PROJECT);
            String membership = "{\"$id\":\"m-hal\",\"teamId\":\"t9\",\"userId\":\"hal\",\"confirm\":true,\"roles\":[\"editor\"]}";
            TestBroker.publish(Envelopes.of(PROJECT, "teams.t9.memberships.m-hal.create", membership, "team:t9"));
            assertEquals("teams.t9.memberships.m-hal.create", firstEvent(hal.next()));
            TestBroker.publish(Envelopes.fileCreated(PROJECT, "team-file", "team:t9/editor"));
            assertEquals("team-file", hal.next().getJsonObject("data").getJsonObject("payload").getString("$id"));
            TestBroker.publish(Envelopes.of(PROJECT, "teams.t9.memberships.m-hal.delete", membership, "team:t9"));
            assertEquals("teams.t9.memberships.m-hal.delete", firstEvent(hal.next()));
            TestBroker.publish(Envelopes.fileCreated(PROJECT, "team-file-2", "team:t9"));
            TestBroker.publish(Envelopes.fileCreated(PROJECT, "after", "any"));
            assertEquals("after", hal.next().getJsonObject("data").getJsonObject("payload").getString("$id"));
            TestBroker.publish(Envelopes.of(PROJECT, "users.hal.sessions.sess-hal.delete", "{\"$id\":\"sess-hal\"}", "user:hal"));
            JsonObject error = hal.next().getJsonObject("data");
            assertEquals(1008, error.getInt("code"));
            assertEquals("The session ended.", error.getString("message"));
            assertEquals(1008, hal.closeCode(10, TimeUnit.SECONDS));
        }
        // the token is still unexpired, but its session ended: it cannot sign a new socket in
        try (WsClient again = WsClient.connect(base, "project=" + PROJECT + "&channels[]=files&jwt=" + token)) {
            JsonObject error = again.next().getJsonObject("data");
            assertEquals(401, error.getInt("code"));
            assertEquals("The session was revoked.", error.getString("message"));
            assertEquals(1008, again.closeCode(10, TimeUnit.SECONDS));
        }
    }

    private static String firstEvent(JsonObject frame) {
        return frame.getJsonObject("data").getJsonArray("events").getString(0);
    }

    /** {@code POST /v1/realtime/events}: accepted with an ingest key, a problem response for everything else. */
    public static void ingestPublishesWithAnIngestKeyOnly(URL base) throws Exception {
        try (WsClient guest = WsClient.connect(base, CHANNELS)) {
            guest.next();
            EventPathScenarios.awaitEventPath(guest, PROJECT);
            String envelope = Envelopes.fileCreated(PROJECT, "ingested", "any");
            assertEquals(202, Http.post(base, "v1/realtime/events", envelope, "X-Indobase-Key", SecurityFixtures.INGEST_KEY).status());
            assertEquals("ingested", guest.next().getJsonObject("data").getJsonObject("payload").getString("$id"));

            Http.Reply missing = Http.post(base, "v1/realtime/events", envelope);
            assertEquals(401, missing.status());
            assertEquals("application/problem+json", missing.contentType());
            assertEquals(403, Http.post(base, "v1/realtime/events", envelope, "X-Indobase-Key", SecurityFixtures.OTHER_PROJECT_KEY).status());
            assertEquals(401, Http.post(base, "v1/realtime/events", envelope, "X-Indobase-Key", SecurityFixtures.SUBSCRIBE_KEY + "0").status());
            assertEquals(400, Http.post(base, "v1/realtime/events", "{\"project\":1}", "X-Indobase-Key", SecurityFixtures.INGEST_KEY).status());
            assertEquals(413, Http.post(base, "v1/realtime/events", "x".repeat(70_000), "X-Indobase-Key", SecurityFixtures.INGEST_KEY).status());
            assertEquals(403, Http.post(base, "v1/realtime/events", envelope, "X-Indobase-Key", SecurityFixtures.SUBSCRIBE_KEY).status());
            assertEquals(403, Http.post(base, "v1/realtime/events", Envelopes.fileCreated("_presence", "forged", "any"),
                    "X-Indobase-Key", SecurityFixtures.INGEST_KEY).status(), "the nodes' internal projects cannot be forged");
        }
    }
}
