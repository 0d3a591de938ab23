package io.indobase.realtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.identity.Account;
import io.indobase.realtime.identity.Revocations;
import io.indobase.realtime.identity.SessionVerifier;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.permission.Membership;
import io.indobase.realtime.stats.RealtimeStats;
import io.indobase.realtime.subscription.Connection;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A socket signing in with a credential issued before an event took something away does not get it back: a lost
 * team is withheld from a token of that age and from a realm login, a revocation that lands while the
 * {@code authentication} message switches roles closes the socket as at the handshake.
 */
class LostRolesOnSignInTest {

    private static final Identity MEMBER = Identity.user("u1", true,
            List.of(new Membership("t1", null, List.of("owner"), true)), List.of());

    private final ScriptedSession script = new ScriptedSession();
    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    private final Revocations revocations = new Revocations();

    {
        script.inline = true;
    }

    /** A verifier whose tokens name the team and say when they were issued: "old" before now, "new" after. */
    private static final SessionVerifier TOKENS = (project, token) -> new Account(MEMBER,
            Json.createObjectBuilder().add("$id", "u1").build(), null, "s1",
            Instant.now().plusSeconds(token.equals("new") ? 5 : -5));

    private RealtimeSession session(Revocations memory) {
        return new RealtimeSession(TestServices.of(registry, TOKENS, memory),
                script.outbox(100, new RealtimeStats()));
    }

    private Set<String> roles() {
        return registry.table().connections().get(0).roles();
    }

    private JsonObject last() {
        return Json.createReader(new StringReader(script.written.get(script.written.size() - 1))).readObject();
    }

    @Test
    void aTokenIssuedBeforeTheLossDoesNotGiveTheTeamBack() {
        revocations.loseTeam("p1", "u1", "t1");
        session(revocations).open("p1", Map.of("jwt", List.of("old")), Handshake.NONE, null);
        assertFalse(roles().contains("team:t1"));
        assertFalse(roles().contains("team:t1/owner"));
        assertTrue(roles().contains("user:u1"));
    }

    @Test
    void aTokenIssuedAfterTheLossSaysSoAgain() {
        revocations.loseTeam("p1", "u1", "t1");
        session(revocations).open("p1", Map.of("jwt", List.of("new")), Handshake.NONE, null);
        assertTrue(roles().contains("team:t1/owner"));
    }

    @Test
    void aRealmLoginDoesNotGiveTheTeamBack() {
        revocations.loseTeam("p1", "alice", "t1");
        session(revocations).open("p1", Map.of(),
                new Handshake(Map.of(), "alice", List.of("team:t1/owner"), null, null, null), null);
        assertFalse(roles().contains("team:t1"));
    }

    @Test
    void theAuthenticationMessageDoesNotGiveTheTeamBack() {
        revocations.loseTeam("p1", "u1", "t1");
        RealtimeSession session = session(revocations);
        session.open("p1", Map.of());
        session.onText("{\"type\":\"authentication\",\"data\":{\"session\":\"old\"}}");
        assertEquals("authentication", last().getJsonObject("data").getString("to"));
        assertTrue(roles().contains("user:u1"));
        assertFalse(roles().contains("team:t1"));
    }

    @Test
    void aRevocationWhileTheAuthenticationMessageSwitchesRolesClosesTheSocket() {
        AtomicInteger checks = new AtomicInteger();
        Revocations revokedMeanwhile = new Revocations() {
            @Override
            public boolean isRevoked(String project, String user, String session) {
                // the first check passes; the session is revoked before the second, after the switch
                return user != null && checks.incrementAndGet() > 1;
            }
        };
        RealtimeSession session = session(revokedMeanwhile);
        session.open("p1", Map.of());
        session.onText("{\"type\":\"authentication\",\"data\":{\"session\":\"old\"}}");
        assertEquals(SessionCredentials.REVOKED, last().getJsonObject("data").getString("message"));
        assertEquals(1008, script.closed.getCloseCode().getCode());
    }

    @Test
    void aLossRecordedWhileTheSocketRegistersIsTakenAway() {
        Revocations lostMeanwhile = new Revocations() {
            private final AtomicInteger reads = new AtomicInteger();

            @Override
            public Identity current(String project, Identity identity, Instant issuedAt) {
                // the event lands after the handshake read the memory, before the sweep could see this socket
                if (reads.incrementAndGet() == 2) {
                    loseTeam(project, identity.userId(), "t1");
                }
                return super.current(project, identity, issuedAt);
            }
        };
        session(lostMeanwhile).open("p1", Map.of("jwt", List.of("old")), Handshake.NONE, null);
        Connection connection = registry.table().connections().get(0);
        assertFalse(connection.roles().contains("team:t1"));
        assertNull(script.closed);
    }
}
