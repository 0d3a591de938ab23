package io.indobase.realtime.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.event.EventReceived;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.permission.Membership;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Live role refresh (beyond Appwrite): which events change whose roles, and on which side of the delivery. */
class AccountChangesTest {

    private final SubscriptionRegistry registry = new SubscriptionRegistry();
    private final DeliveryObserver observer = new DeliveryObserver();

    {
        observer.registry = registry;
    }

    private Connection open(String user, SubscriptionRegistryTest.Inbox inbox, String session, String... channels) {
        Connection connection = registry.open("p1", Identity.user(user, true, List.of(), List.of()), inbox);
        registry.identify(connection, connection.identity(), session);
        registry.subscribe(connection, "s", List.of(channels), List.of());
        return connection;
    }

    private void publish(String event, JsonObject payload, String... readRoles) {
        observer.onEvent(new EventReceived(new Envelope("p1", event, payload, Set.of(readRoles), Instant.now()), 0L));
    }

    private static JsonObject membership(String id, String team, String user, boolean confirm, String... roles) {
        return Json.createObjectBuilder().add("$id", id).add("teamId", team).add("userId", user).add("confirm", confirm)
                .add("roles", Json.createArrayBuilder(List.of(roles))).build();
    }

    @Test
    void aNewMembershipGrantsTheTeamBeforeItsOwnEventIsDelivered() {
        var bob = new SubscriptionRegistryTest.Inbox();
        Connection connection = open("bob", bob, null, "memberships", "files");
        publish("teams.t1.memberships.m1.create", membership("m1", "t1", "bob", true, "editor"), "team:t1");
        assertEquals(1, bob.frames.size());
        assertTrue(connection.roles().containsAll(Set.of("team:t1", "team:t1/editor", "member:m1")));
        publish("buckets.b1.files.f1.create", Json.createObjectBuilder().add("$id", "f1").build(), "team:t1/editor");
        assertEquals(2, bob.frames.size());
    }

    @Test
    void aRemovedMemberStillReceivesTheRemovalThenNothingOfTheTeam() {
        var bob = new SubscriptionRegistryTest.Inbox();
        Connection connection = open("bob", bob, null, "memberships", "files");
        registry.identify(connection, connection.identity().withMembership(new Membership("t1", "m1", List.of(), true)));
        publish("teams.t1.memberships.m1.delete", membership("m1", "t1", "bob", true), "team:t1");
        assertEquals(1, bob.frames.size());
        assertTrue(!connection.roles().contains("team:t1"));
        publish("buckets.b1.files.f1.create", Json.createObjectBuilder().add("$id", "f1").build(), "team:t1");
        assertEquals(1, bob.frames.size());
    }

    @Test
    void anUnconfirmedInvitationGrantsNothingUntilConfirmed() {
        var bob = new SubscriptionRegistryTest.Inbox();
        Connection connection = open("bob", bob, null, "teams");
        publish("teams.t1.memberships.m1.create", membership("m1", "t1", "bob", false), "user:bob");
        assertTrue(!connection.roles().contains("team:t1"));
        publish("teams.t1.memberships.m1.update.status", membership("m1", "t1", "bob", true), "user:bob");
        assertTrue(connection.roles().contains("team:t1"));
    }

    @Test
    void labelsAndVerificationFollowTheUserDocument() {
        Connection connection = open("bob", new SubscriptionRegistryTest.Inbox(), null, "account");
        publish("users.bob.update.labels", Json.createObjectBuilder().add("$id", "bob")
                .add("labels", Json.createArrayBuilder().add("vip")).add("emailVerification", false).build(), "user:bob");
        assertTrue(connection.roles().containsAll(Set.of("label:vip", "users/unverified")));
    }

    @Test
    void deletingATeamRemovesItFromEveryMember() {
        Connection a = open("a", new SubscriptionRegistryTest.Inbox(), null, "teams");
        Connection b = open("b", new SubscriptionRegistryTest.Inbox(), null, "teams");
        registry.identify(a, a.identity().withMembership(new Membership("t1", null, List.of("owner"), true)));
        registry.identify(b, b.identity().withMembership(new Membership("t1", "m2", List.of(), true)));
        publish("teams.t1.delete", Json.createObjectBuilder().add("$id", "t1").build(), "team:t1");
        assertTrue(a.roles().stream().noneMatch(r -> r.startsWith("team:")));
        assertTrue(b.roles().stream().noneMatch(r -> r.startsWith("team:")));
    }

    @Test
    void blockingDeletingAndEndingASessionCloseTheRightSocketsAfterTheEvent() {
        var blocked = new SubscriptionRegistryTest.Inbox();
        var s1 = new SubscriptionRegistryTest.Inbox();
        var s2 = new SubscriptionRegistryTest.Inbox();
        open("eve", blocked, null, "account");
        open("bob", s1, "sess-1", "account");
        open("bob", s2, "sess-2", "account");
        publish("users.eve.update.status", Json.createObjectBuilder().add("$id", "eve").add("status", false).build(), "user:eve");
        assertEquals(1, blocked.frames.size());
        assertEquals(List.of(AccountChanges.BLOCKED), blocked.disconnects);
        publish("users.bob.sessions.sess-1.delete", Json.createObjectBuilder().add("$id", "sess-1").build(), "user:bob");
        assertEquals(List.of(AccountChanges.SESSION_ENDED), s1.disconnects);
        assertEquals(List.of(), s2.disconnects);
        publish("users.bob.delete", Json.createObjectBuilder().add("$id", "bob").build(), "user:bob");
        assertEquals(List.of(AccountChanges.DELETED), s2.disconnects);
    }

    @Test
    void revokedUsersAndSessionsAreRememberedForTheSocketsToComeAndUnblockingRestores() {
        publish("users.eve.update.status", Json.createObjectBuilder().add("$id", "eve").add("status", false).build(), "user:eve");
        publish("users.bob.sessions.s1.delete", Json.createObjectBuilder().add("$id", "s1").build(), "user:bob");
        assertTrue(observer.revocations.isRevoked("p1", "eve", "any-session"));
        assertTrue(observer.revocations.isRevoked("p1", "bob", "s1"));
        assertTrue(!observer.revocations.isRevoked("p1", "bob", "s2"));
        assertTrue(!observer.revocations.isRevoked("p2", "eve", null), "revocations are per project");
        publish("users.eve.update.status", Json.createObjectBuilder().add("$id", "eve").add("status", true).build(), "user:eve");
        assertTrue(!observer.revocations.isRevoked("p1", "eve", null));
    }

    @Test
    void namesThatCouldPoseAsOtherRolesChangeNothing() {
        Connection connection = open("bob", new SubscriptionRegistryTest.Inbox(), null, "memberships");
        publish("teams.t1.memberships.m1.create", membership("m1", "t1", "bob", true, "owner/evil", "editor"), "team:t1");
        assertTrue(connection.roles().containsAll(Set.of("team:t1", "team:t1/editor")));
        assertTrue(connection.roles().stream().noneMatch(r -> r.contains("evil")));
        publish("teams.t:2.memberships.m2.create", membership("m2", "t:2", "bob", true), "team:t1");
        assertTrue(connection.roles().stream().noneMatch(r -> r.contains("t:2")));
    }
}
