package io.indobase.realtime.subscription;

import io.indobase.realtime.frame.EventFrame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.frame.EventFrame;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.permission.Membership;
import io.indobase.realtime.stats.RealtimeStats;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionRegistryTest {

    private final SubscriptionRegistry registry = new SubscriptionRegistry();

    /** A guest connection in project p1 with one subscription. */
    private Connection guest(Recipient recipient, String subscriptionId, String... channels) {
        Connection connection = registry.open("p1", Identity.GUEST, recipient);
        registry.subscribe(connection, subscriptionId, List.of(channels), List.of());
        return connection;
    }

    static Identity user(String userId, Membership... memberships) {
        return Identity.user(userId, true, List.of(memberships), List.of());
    }

    static Envelope file(String project, String fileId, String... readRoles) {
        return new Envelope(project, "buckets.b1.files." + fileId + ".create",
                Json.createObjectBuilder().add("$id", fileId).build(), Set.of(readRoles), Instant.EPOCH);
    }

    @Test
    void deliversToSubscribersOfTheProjectWhoMayRead() {
        Inbox guest = new Inbox();
        Inbox user = new Inbox();
        Inbox otherProject = new Inbox();
        registry.subscribe(registry.open("p1", Identity.GUEST, guest), "g", List.of("files"), List.of());
        registry.subscribe(registry.open("p1", user("u1"), user), "u", List.of("buckets.b1.files"), List.of());
        registry.subscribe(registry.open("p2", Identity.GUEST, otherProject), "o", List.of("files"), List.of());

        assertEquals(1, registry.deliver(file("p1", "f1", "users")));
        assertEquals(2, registry.deliver(file("p1", "f2", "any")));
        assertEquals(List.of("f2"), guest.ids());
        assertEquals(List.of("f1", "f2"), user.ids());
        assertEquals(List.of(), otherProject.ids());
    }

    @Test
    void eventNamesOnlyTheMatchingSubscriptionsOfTheConnection() {
        Inbox inbox = new Inbox();
        Connection c = guest(inbox, "a", "files");
        registry.subscribe(c, "b", List.of("documents"), List.of());
        registry.subscribe(c, "c", List.of("buckets.b1.files.f1"), List.of());
        registry.deliver(file("p1", "f1", "any"));
        assertEquals(List.of("a", "c"), inbox.subscriptions(0));
    }

    @Test
    void recipientsShareTheEventsEncodedHeadAndGetTheirOwnTail() {
        Inbox first = new Inbox();
        Inbox second = new Inbox();
        guest(first, "s1", "files");
        guest(second, "s2", "files");
        registry.deliver(file("p1", "f1", "any"));
        assertSame(first.heads.get(0), second.heads.get(0), "one head for every recipient of the event");
        assertEquals(List.of("s1"), first.subscriptions(0));
        assertEquals(List.of("s2"), second.subscriptions(0));
    }

    @Test
    void recipientsWithTheSameMatchedIdsOfAGeneralMatchShareOneFrame() {
        Inbox first = new Inbox();
        Inbox second = new Inbox();
        for (Inbox inbox : List.of(first, second)) {
            Connection c = guest(inbox, "s1", "files");
            registry.subscribe(c, "s2", List.of("documents"), List.of()); // two subscriptions: the general match
        }
        registry.deliver(file("p1", "f1", "any"));
        assertSame(first.frames.get(0), second.frames.get(0));
    }

    @Test
    void upsertReplacesTheChannelsOfASubscription() {
        Inbox inbox = new Inbox();
        Connection c = guest(inbox, "s", "files");
        registry.subscribe(c, "s", List.of("documents"), List.of());
        registry.deliver(file("p1", "f1", "any"));
        assertEquals(List.of(), inbox.ids());
        assertEquals(Set.of("documents"), c.channels());
    }

    @Test
    void unsubscribeIsIdempotentAndKeepsOtherSubscriptions() {
        Inbox inbox = new Inbox();
        Connection c = guest(inbox, "a", "files");
        registry.subscribe(c, "b", List.of("files"), List.of());
        assertTrue(registry.unsubscribe(c, "a"));
        assertFalse(registry.unsubscribe(c, "a"));
        registry.deliver(file("p1", "f1", "any"));
        assertEquals(List.of("b"), inbox.subscriptions(0));
    }

    @Test
    void closedConnectionsReceiveNothingAndLeaveNoTrace() {
        Connection c = guest(new Inbox(), "a", "files");
        registry.close(c);
        registry.subscribe(c, "b", List.of("files"), List.of());
        assertEquals(0, registry.deliver(file("p1", "f1", "any")));
        assertEquals(0, registry.table().connectionCount());
    }

    @Test
    void aFailingRecipientDoesNotStopDeliveryToTheOthers() {
        Inbox healthy = new Inbox();
        guest(new Inbox() {
            @Override
            public synchronized void send(String frame) {
                throw new IllegalStateException("socket gone");
            }
        }, "x", "files");
        guest(healthy, "y", "files");
        assertEquals(1, registry.deliver(file("p1", "f1", "any")));
        assertEquals(List.of("f1"), healthy.ids());
    }

    @Test
    void accountChannelsAreConvertedForTheConnectionsUser() {
        Connection c = registry.open("p1", user("u1"), new Inbox());
        assertEquals(Set.of("account", "account.u1", "account.u1.update"),
                registry.subscribe(c, "a", List.of("account", "account.update", "account.u2"), List.of()));
        assertEquals(Set.of("account", "account.u1", "account.u1.update"), c.channels());
    }

    @Test
    void aNewIdentityChangesRolesAndRebindsAccountChannelsAtOnce() {
        Inbox inbox = new Inbox();
        Connection c = guest(inbox, "a", "files", "account.update");
        registry.identify(c, user("u1", new Membership("t1", "m1", List.of("owner"), true)));
        assertEquals(Set.of("files", "account.u1.update"), c.channels());
        assertTrue(c.roles().containsAll(Set.of("user:u1", "team:t1", "team:t1/owner", "member:m1")));
        registry.deliver(file("p1", "f1", "guests"));
        registry.deliver(file("p1", "f2", "team:t1/owner"));
        assertEquals(List.of("f2"), inbox.ids());
    }

    @Test
    void theIndexForgetsEverythingAboutClosedConnections() {
        Connection c = guest(new Inbox(), "a", "files", "documents");
        registry.identify(c, user("u1"));
        registry.subscribe(c, "b", List.of("teams"), List.of());
        assertEquals(2, registry.table().subscriptionCount());
        registry.close(c);
        registry.close(c);
        assertEquals(0, registry.indexedChannels());
        assertEquals(0, registry.table().connectionCount("p1"));
        assertEquals(0, registry.table().subscriptionCount());
    }

    @Test
    void eventsCarryEveryWildcardNameAndEveryChannel() {
        Inbox inbox = new Inbox();
        guest(inbox, "a", "files");
        registry.deliver(file("p1", "f1", "any"));
        JsonObject data = Inbox.data(inbox.frames.get(0));
        assertEquals(10, data.getJsonArray("events").size());
        assertEquals(6, data.getJsonArray("channels").size());
    }

    @Test
    void operatorsListAndDisconnectConnectionsAndUsers() {
        Inbox first = new Inbox();
        Inbox second = new Inbox();
        Inbox guest = new Inbox();
        Connection a = registry.open("p1", user("u1"), first);
        registry.open("p2", user("u1"), second);
        registry.open("p1", Identity.GUEST, guest);
        assertEquals(3, registry.table().connections().size());
        assertEquals(Map.of("p1", 2, "p2", 1), registry.table().connectionsByProject());
        assertTrue(registry.table().disconnect(a.id(), "maintenance"));
        assertFalse(registry.table().disconnect("nope", "maintenance"));
        assertEquals(List.of("maintenance"), first.disconnects);
        assertEquals(2, registry.table().disconnectUser("u1", "blocked"));
        assertEquals(List.of("blocked"), second.disconnects);
        assertEquals(List.of(), guest.disconnects);
    }

    @Test
    void deliveriesAreCounted() {
        guest(new Inbox(), "a", "files");
        guest(new Inbox(), "b", "files");
        registry.deliver(file("p1", "f1", "any"));
        registry.deliver(file("p1", "f2", "users"));
        registry.deliver(new Envelope("p1", "messages.m1.create", JsonValue.EMPTY_JSON_OBJECT, Set.of("any"), Instant.now()));
        RealtimeStats stats = registry.stats;
        assertEquals(1, stats.eventsDelivered());
        assertEquals(2, stats.framesDelivered());
        assertEquals(1, stats.eventsUnmatched());
        assertEquals(1, stats.dropped(RealtimeStats.Drop.UNROUTABLE));
        assertEquals(2, stats.latency().count());
    }

    /** Records frames as a transport would send them. */
    static class Inbox implements Recipient {
        final List<String> frames = new ArrayList<>();
        final List<EventFrame> heads = new ArrayList<>();
        final List<String> disconnects = new ArrayList<>();

        @Override
        public synchronized void send(EventFrame head, String tail) {
            heads.add(head);
            send(head.withTail(tail));
        }

        @Override
        public synchronized void disconnect(String reason) {
            disconnects.add(reason);
        }

        @Override
        public synchronized void send(String frame) {
            frames.add(frame);
        }

        synchronized List<String> ids() {
            List<String> ids = new ArrayList<>();
            for (String frame : frames) {
                ids.add(data(frame).getJsonObject("payload").getString("$id"));
            }
            return ids;
        }

        synchronized List<String> subscriptions(int index) {
            return data(frames.get(index)).getJsonArray("subscriptions").getValuesAs(jakarta.json.JsonString::getString);
        }

        static JsonObject data(String frame) {
            return Json.createReader(new StringReader(frame)).readObject().getJsonObject("data");
        }
    }
}
