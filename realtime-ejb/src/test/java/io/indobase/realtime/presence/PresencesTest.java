package io.indobase.realtime.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.permission.Identity;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Presence across nodes that share a topic: upserts, deletes on close, permissions, renewal, expiry, late joiners. */
class PresencesTest {

    private static final JsonObject META = Json.createObjectBuilder().add("room", "lobby").build();
    private static final List<String> ANYONE = List.of("read(\"any\")");

    private final Cluster cluster = new Cluster();
    private final Cluster.Node a = cluster.node();
    private final Cluster.Node b = cluster.node();

    private static PresenceRequest request(String status, String id, JsonValue metadata, List<String> permissions) {
        return new PresenceRequest(status, id, metadata, permissions);
    }

    private static JsonObject presence(String response) {
        JsonObject frame = Json.createReader(new StringReader(response)).readObject();
        assertEquals("response", frame.getString("type"));
        assertEquals("presence", frame.getJsonObject("data").getString("to"));
        assertFalse(frame.getJsonObject("data").containsKey("success"), "Appwrite's presence response has no success");
        return frame.getJsonObject("data").getJsonObject("presence");
    }

    @Test
    void aGuestMayNotPublishPresence() {
        Cluster.Client guest = a.client(Identity.GUEST);
        PresenceException e = assertThrows(PresenceException.class,
                () -> a.presences.upsert(guest.connection, request("online", "p1", null, null)));
        assertEquals(401, e.code());
        assertEquals("User must be authorized", e.getMessage());
        assertTrue(cluster.published.isEmpty());
    }

    @Test
    void anUpsertAnswersTheSenderAndReachesReadersOnEveryNode() {
        Cluster.Client sender = a.client(Cluster.user("u1", null));
        Cluster.Client local = a.client(Identity.GUEST);
        Cluster.Client remote = b.client(Identity.GUEST);
        JsonObject presence = presence(a.presences.upsert(sender.connection, request("online", "pr1", META, ANYONE)));

        assertEquals("pr1", presence.getString("$id"));
        assertEquals("u1", presence.getString("userId"));
        assertEquals("online", presence.getString("status"));
        assertEquals("realtime", presence.getString("source"));
        assertEquals(META, presence.getJsonObject("metadata"));
        assertEquals(List.of("read(\"any\")"), presence.getJsonArray("$permissions").getValuesAs(JsonString::getString));
        assertEquals("2026-11-28T10:00:00.000+00:00", presence.getString("$createdAt"));
        assertEquals("2026-11-28T10:01:00.000+00:00", presence.getString("expiresAt"));
        for (Cluster.Client reader : List.of(sender, local, remote)) {
            assertEquals(List.of("presences.pr1.upsert"), reader.events());
            assertEquals(presence, reader.lastPayload());
        }
        assertEquals(List.of(presence), b.presences.readable("p1", Cluster.guestRoles()));
    }

    @Test
    void readersNeedTheReadRoleTheDefaultBeingTheUserAlone() {
        Cluster.Client sender = a.client(Cluster.user("u1", null));
        Cluster.Client sameUser = b.client(Cluster.user("u1", null));
        Cluster.Client other = b.client(Cluster.user("u2", null));
        JsonObject presence = presence(a.presences.upsert(sender.connection, request("busy", PresenceRequest.UNIQUE, null, null)));

        assertEquals(20, presence.getString("$id").length(), "unique() mints an id");
        assertEquals(List.of("delete(\"user:u1\")", "read(\"user:u1\")", "update(\"user:u1\")", "write(\"user:u1\")"),
                presence.getJsonArray("$permissions").getValuesAs(JsonString::getString));
        assertEquals(JsonValue.NULL, presence.get("metadata"));
        assertEquals(1, sameUser.events().size());
        assertEquals(List.of(), other.events());
        assertEquals(List.of(), b.presences.readable("p1", Cluster.guestRoles()));
        assertEquals(1, b.presences.readable("p1", Cluster.user("u1", null).roles()).size());
        assertEquals(List.of(), b.presences.readable("p2", Cluster.user("u1", null).roles()), "another project");
    }

    @Test
    void aUserHasOnePresencePerProjectWhateverIdItAsksFor() {
        Cluster.Client first = a.client(Cluster.user("u1", null));
        Cluster.Client second = b.client(Cluster.user("u1", null));
        JsonObject created = presence(a.presences.upsert(first.connection, request("online", "pr1", META, ANYONE)));
        cluster.clock.advance(5_000);
        JsonObject updated = presence(b.presences.upsert(second.connection, request("away", "pr2", null, ANYONE)));

        assertEquals("pr1", updated.getString("$id"));
        assertEquals(created.getString("$createdAt"), updated.getString("$createdAt"));
        assertNotEquals(created.getString("$updatedAt"), updated.getString("$updatedAt"));
        assertEquals(META, updated.getJsonObject("metadata"), "metadata left out keeps the stored one, as Appwrite's upsert");
        assertEquals(List.of(updated), a.presences.readable("p1", Cluster.guestRoles()));
    }

    @Test
    void anotherUsersPresenceIdIsAConflict() {
        a.presences.upsert(a.client(Cluster.user("u1", null)).connection, request("online", "pr1", null, ANYONE));
        PresenceException e = assertThrows(PresenceException.class,
                () -> b.presences.upsert(b.client(Cluster.user("u2", null)).connection, request("online", "pr1", null, ANYONE)));
        assertEquals(409, e.code());
        assertEquals("Presence with the requested ID 'pr1' already exists. Try again with a different ID or use ID.unique() "
                + "to generate a unique ID.", e.getMessage());
    }

    @Test
    void aPermissionForARoleTheUserDoesNotHoldIsRefused() {
        Cluster.Client sender = a.client(Cluster.user("u1", "t1"));
        PresenceException e = assertThrows(PresenceException.class,
                () -> a.presences.upsert(sender.connection, request("online", "pr1", null, List.of("read(\"team:t2\")"))));
        assertEquals(401, e.code());
        assertTrue(e.getMessage().startsWith("Permissions must be one of: (any, "), e.getMessage());
        JsonObject presence = presence(a.presences.upsert(sender.connection,
                request("online", "pr1", null, List.of("read(\"team:t1\")", "write(\"user:u1\")"))));
        assertEquals(List.of("delete(\"user:u1\")", "read(\"team:t1\")", "update(\"user:u1\")"),
                presence.getJsonArray("$permissions").getValuesAs(JsonString::getString));
    }

    @Test
    void closingTheSocketDeletesThePresenceEverywhereOnce() {
        Cluster.Client sender = a.client(Cluster.user("u1", null));
        Cluster.Client otherSocket = a.client(Cluster.user("u1", null));
        Cluster.Client remote = b.client(Identity.GUEST);
        a.presences.upsert(sender.connection, request("online", "pr1", META, ANYONE));
        a.presences.upsert(otherSocket.connection, request("online", "pr1", META, ANYONE));

        a.close(sender);
        assertEquals(List.of("presences.pr1.upsert", "presences.pr1.upsert", "presences.pr1.delete"), remote.events());
        assertEquals("pr1", remote.lastPayload().getString("$id"));
        assertEquals(List.of(), b.presences.readable("p1", Cluster.guestRoles()));
        a.close(otherSocket);
        assertEquals(3, remote.events().size(), "Appwrite deletes once: the user's other socket forgot it");
        cluster.clock.advance(Cluster.TTL * 2);
        a.presences.renewAndExpire();
        assertEquals(3, remote.events().size(), "nothing left to renew or expire");
    }

    @Test
    void theNodesRenewTheirPresencesSoTheyOutliveTheirFirstLease() {
        a.presences.upsert(a.client(Cluster.user("u1", null)).connection, request("online", "pr1", null, ANYONE));
        Cluster.Client remote = b.client(Identity.GUEST);
        for (int i = 0; i < 6; i++) {
            cluster.clock.advance(20_000);
            a.presences.renewAndExpire();
            b.presences.renewAndExpire();
        }
        assertEquals(List.of(), remote.events(), "renewals are silent");
        JsonObject listed = b.presences.readable("p1", Cluster.guestRoles()).get(0);
        assertEquals("2026-11-28T10:03:00.000+00:00", listed.getString("expiresAt"), "the last renewal's lease");
    }

    @Test
    void thePresencesOfANodeThatDiesLapseWithADeleteEvent() {
        a.presences.upsert(a.client(Cluster.user("u1", null)).connection, request("online", "pr1", null, ANYONE));
        Cluster.Client remote = b.client(Identity.GUEST);
        cluster.nodes.remove(a); // node a stops: no close, no renewal
        cluster.clock.advance(Cluster.TTL - 1);
        b.presences.renewAndExpire();
        assertEquals(1, b.presences.readable("p1", Cluster.guestRoles()).size());
        cluster.clock.advance(1);
        b.presences.renewAndExpire();
        assertEquals(List.of(), b.presences.readable("p1", Cluster.guestRoles()));
        assertEquals(List.of("presences.pr1.delete"), remote.events());
    }

    @Test
    void aNodeThatJoinsLateLearnsThePresencesFromTheNextRenewal() {
        a.presences.upsert(a.client(Cluster.user("u1", null)).connection, request("online", "pr1", null, ANYONE));
        Cluster.Node late = cluster.node();
        Cluster.Client reader = late.client(Identity.GUEST);
        assertEquals(List.of(), late.presences.readable("p1", Cluster.guestRoles()));
        cluster.clock.advance(20_000);
        a.presences.renewAndExpire();
        assertEquals(1, late.presences.readable("p1", Cluster.guestRoles()).size());
        assertEquals(List.of("presences.pr1.upsert"), reader.events(), "announced to the late node's readers only");
    }

    @Test
    void aRenewalStillInFlightCannotBringADeletedPresenceBack() {
        Cluster.Client sender = a.client(Cluster.user("u1", null));
        a.presences.upsert(sender.connection, request("online", "pr1", null, ANYONE));
        cluster.clock.advance(20_000);
        a.presences.renewAndExpire();
        String renewal = cluster.published.get(cluster.published.size() - 1);
        a.close(sender);
        cluster.deliver(renewal);
        assertEquals(List.of(), b.presences.readable("p1", Cluster.guestRoles()));
        assertEquals(0, b.presences.size());
    }

    @Test
    void whileTheBrokerIsDownAnUpsertFailsAndTheNodeKeepsItsOwnPresencesAlive() {
        Cluster.Client sender = a.client(Cluster.user("u1", null));
        a.presences.upsert(sender.connection, request("online", "pr1", null, ANYONE));
        Cluster.Client local = a.client(Identity.GUEST);
        cluster.brokerDown = true;
        PresenceException e = assertThrows(PresenceException.class,
                () -> a.presences.upsert(sender.connection, request("away", "pr1", null, ANYONE)));
        assertEquals(503, e.code());
        cluster.clock.advance(Cluster.TTL * 2);
        a.presences.renewAndExpire();
        assertEquals(List.of(), local.events(), "the socket is open: its presence is alive on its own node");
        assertEquals("online", a.presences.readable("p1", Cluster.guestRoles()).get(0).getString("status"));
    }

    @Test
    void aMalformedPresenceEventIsIgnoredAndStillDelivered() {
        Cluster.Client reader = b.client(Identity.GUEST);
        cluster.publish("{\"project\":\"p1\",\"event\":\"presences.x.upsert\",\"payload\":{\"status\":\"no id\"},"
                + "\"permissions\":[\"read(\\\"any\\\")\"]}");
        assertEquals(List.of("presences.x.upsert"), reader.events());
        assertEquals(0, b.presences.size());
        assertEquals(Set.of(), Set.copyOf(b.presences.readable("p1", Cluster.guestRoles())));
    }

    @Test
    void aNodeThatHasNotSeenAPresenceYetStillRefusesAnotherUsersId() {
        a.presences.upsert(a.client(Cluster.user("u1", null)).connection, request("online", "pr1", null, ANYONE));
        Cluster.Node late = cluster.node();
        assertEquals(0, late.presences.size(), "it joined after the upsert");
        PresenceException e = assertThrows(PresenceException.class, () -> late.presences.upsert(
                late.client(Cluster.user("u2", null)).connection, request("online", "pr1", null, ANYONE)));
        assertEquals(409, e.code());
        assertEquals(1, late.presences.size(), "it asked the cluster, and node a answered");
    }

    @Test
    void twoUsersClaimingANewIdAtOnceEndWithTheFirstClaimEverywhere() {
        a.presences.renewAndExpire();
        b.presences.renewAndExpire();
        cluster.holding = true;
        a.presences.upsert(a.client(Cluster.user("u1", null)).connection, request("online", "room", null, ANYONE));
        cluster.clock.advance(1);
        b.presences.upsert(b.client(Cluster.user("u2", null)).connection, request("away", "room", null, ANYONE));
        cluster.release();
        for (Cluster.Node node : List.of(a, b)) {
            List<JsonObject> listed = node.presences.readable("p1", Cluster.guestRoles());
            assertEquals(1, listed.size());
            assertEquals("u1", listed.get(0).getString("userId"));
        }
        int before = cluster.published.size();
        b.presences.renewAndExpire();
        assertEquals(before, cluster.published.size(), "b no longer renews the losing claim");
    }

    @Test
    void aPresencePublishedWithoutExpiresAtLapsesAfterTheTtl() {
        Cluster.Client reader = b.client(Identity.GUEST);
        cluster.publish("{\"project\":\"p1\",\"event\":\"presences.ext.upsert\",\"payload\":{\"$id\":\"ext\","
                + "\"userId\":\"u9\",\"status\":\"online\",\"$permissions\":[\"read(\\\"any\\\")\"]},"
                + "\"permissions\":[\"read(\\\"any\\\")\"]}");
        assertEquals(1, b.presences.readable("p1", Cluster.guestRoles()).size());
        cluster.clock.advance(Cluster.TTL + 1);
        b.presences.renewAndExpire();
        assertEquals(List.of(), b.presences.readable("p1", Cluster.guestRoles()));
        assertEquals(List.of("presences.ext.upsert", "presences.ext.delete"), reader.events());
    }
}
