package io.indobase.realtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.identity.Account;
import io.indobase.realtime.identity.ApiKeyStore;
import io.indobase.realtime.identity.GroupRoles;
import io.indobase.realtime.identity.InvalidCredentialException;
import io.indobase.realtime.identity.Revocations;
import io.indobase.realtime.limit.Limits;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.presence.Presences;
import io.indobase.realtime.stats.RealtimeStats;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Credentials and limits as one socket sees them: which error frame, which close code. */
class SessionSecurityTest {

    private final ScriptedSession script = new ScriptedSession();
    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    private final RealtimeSession session = new RealtimeSession(TestServices.of(registry, (project, token) -> {
        if (token.startsWith("expiring")) {
            return new Account(Identity.user("u1", true, List.of(), List.of()), Json.createObjectBuilder()
                    .add("$id", "u1").build(), Instant.now().plusMillis(200), "s1", null);
        }
        throw new InvalidCredentialException("bad signature");
    }), script.outbox(100, new RealtimeStats()));

    {
        script.inline = true;
    }

    private JsonObject last() {
        return Json.createReader(new StringReader(script.written.get(script.written.size() - 1))).readObject();
    }

    private static Handshake headers(String... pairs) {
        Map<String, List<String>> headers = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.put(pairs[i], List.of(pairs[i + 1]));
        }
        return new Handshake(headers, null, List.of(), null, null, null);
    }

    @Test
    void aRefusedJwtParameterIsError401ThenClose1008() {
        session.open("p1", Map.of("jwt", List.of("forged")), Handshake.NONE, null);
        assertEquals(401, last().getJsonObject("data").getInt("code"));
        assertEquals("Failed to verify JWT. bad signature", last().getJsonObject("data").getString("message"));
        assertEquals(1008, script.closed.getCloseCode().getCode());
    }

    @Test
    void anUnknownApiKeyIsError401ThenClose1008() {
        session.open("p1", Map.of(), headers("x-indobase-key", "rk_nobody_00"), null);
        assertEquals(401, last().getJsonObject("data").getInt("code"));
        assertTrue(last().getJsonObject("data").getString("message").startsWith("Invalid API key: "));
        assertEquals(1008, script.closed.getCloseCode().getCode());
    }

    @Test
    void aForeignOriginIsAPolicyViolation() {
        session.open("p1", Map.of(), headers("origin", "https://evil.example", "host", "rt.example.com"), null);
        assertTrue(last().getJsonObject("data").getString("message").startsWith("Invalid Origin."));
        assertEquals(1008, script.closed.getCloseCode().getCode());
    }

    @Test
    void tooManyConnectionsFromOneAddressAreRefusedWith1013() {
        Limits limits = Limits.defaults();
        for (int i = 0; i < 128; i++) {
            limits.connectionAllowed("10.0.0.1");
        }
        RealtimeSession late = new RealtimeSession(TestServices.of(registry, (p, t) -> null, limits, new Presences()),
                script.outbox(100, new RealtimeStats()));
        late.open("p1", Map.of(), Handshake.NONE, "10.0.0.1");
        assertEquals("Too many requests", last().getJsonObject("data").getString("message"));
        assertEquals(1013, script.closed.getCloseCode().getCode());
    }

    @Test
    void socketsOverTheCapOfTheirAddressOrProjectAreRefusedWith1013UntilOneCloses() {
        Limits limits = Limits.configured(Map.of("realtime.security.sockets-per-address", "2",
                "realtime.security.sockets-per-project", "3"));
        List<RealtimeSession> open = new java.util.ArrayList<>();
        for (String address : List.of("10.0.0.1", "10.0.0.1", "10.0.0.2")) {
            RealtimeSession socket = socket(limits);
            socket.open("p1", Map.of(), Handshake.NONE, address);
            assertEquals("connected", last().getString("type"));
            open.add(socket);
        }
        RealtimeSession third = socket(limits);
        third.open("p2", Map.of(), Handshake.NONE, "10.0.0.1");
        assertEquals("Too many connections from this address.", last().getJsonObject("data").getString("message"));
        assertEquals(1013, last().getJsonObject("data").getInt("code"));
        assertEquals(1013, script.closed.getCloseCode().getCode());
        socket(limits).open("p1", Map.of(), Handshake.NONE, "10.0.0.3");
        assertEquals("Too many connections to this project.", last().getJsonObject("data").getString("message"));
        third.close();
        open.get(0).close();
        open.get(0).close();
        socket(limits).open("p1", Map.of(), Handshake.NONE, "10.0.0.3");
        assertEquals("connected", last().getString("type"), "a closed socket gave its place back, once");
        socket(limits).open("p1", Map.of(), Handshake.NONE, "10.0.0.4");
        assertEquals(1013, last().getJsonObject("data").getInt("code"));
    }

    private RealtimeSession socket(Limits limits) {
        return new RealtimeSession(TestServices.of(registry, (p, t) -> null, limits, new Presences()),
                script.outbox(100, new RealtimeStats()));
    }

    @Test
    void overTheMessageBudgetEachMessageGets1013AndTheSocketStaysOpen() {
        session.open("p1", Map.of());
        for (int i = 0; i < 32; i++) {
            session.onText("{\"type\":\"ping\"}");
        }
        session.onText("{\"type\":\"ping\"}");
        assertEquals("Too many messages.", last().getJsonObject("data").getString("message"));
        assertNull(script.closed);
    }

    @Test
    void anExpiringCredentialClosesTheSocketWithTheReason() throws Exception {
        session.open("p1", Map.of("jwt", List.of("expiring")), Handshake.NONE, null);
        assertEquals("u1", last().getJsonObject("data").getJsonObject("user").getString("$id"));
        for (int i = 0; i < 100 && script.closed == null; i++) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertEquals(RealtimeSession.EXPIRED, last().getJsonObject("data").getString("message"));
        assertEquals(1008, script.closed.getCloseCode().getCode());
    }

    @Test
    void aContainerCallerGetsItsGroupsAsRoles() {
        session.open("p1", Map.of(), new Handshake(Map.of(), "alice", List.of("team:t1/owner", "label:vip"), null, null, null), null);
        assertEquals("alice", last().getJsonObject("data").getJsonObject("user").getString("$id"));
        assertTrue(registry.table().connections().get(0).roles().containsAll(List.of("team:t1", "team:t1/owner", "label:vip")));
    }

    @Test
    void aCredentialOfARevokedSessionCannotSignInAgain() {
        Revocations revocations = new Revocations();
        revocations.revokeSession("p1", "u1", "s1");
        RealtimeSession again = new RealtimeSession(SessionServices.of(registry, new SessionCredentials((p, t) ->
                new Account(Identity.user("u1", true, List.of(), List.of()), Json.createObjectBuilder().add("$id", "u1").build(),
                        null, "s1", null), new ApiKeyStore(), GroupRoles.DEFAULT, revocations), Limits.defaults(),
                Executors.newSingleThreadScheduledExecutor(), new Presences()),
                script.outbox(100, new RealtimeStats()));
        again.open("p1", Map.of("jwt", List.of("token-of-s1")), Handshake.NONE, null);
        assertEquals(SessionCredentials.REVOKED, last().getJsonObject("data").getString("message"));
        assertEquals(1008, script.closed.getCloseCode().getCode());
    }

    @Test
    void aCallerWhoseNameCouldPoseAsAnotherRoleIsRefused() {
        session.open("p1", Map.of(), new Handshake(Map.of(), "victim/verified", List.of(), null, null, null), null);
        assertEquals(401, last().getJsonObject("data").getInt("code"));
        assertEquals(1008, script.closed.getCloseCode().getCode());
    }
}
