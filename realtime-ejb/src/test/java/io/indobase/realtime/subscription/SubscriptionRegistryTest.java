package io.indobase.realtime.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.event.Envelope;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionRegistryTest {

    private final SubscriptionRegistry registry = new SubscriptionRegistry();

    /** A guest connection in project p1 with one subscription. */
    private Connection guest(Recipient recipient, String subscriptionId, String... channels) {
        Connection connection = registry.open("p1", Set.of("guests"), recipient);
        registry.subscribe(connection, subscriptionId, List.of(channels));
        return connection;
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
        registry.subscribe(registry.open("p1", Set.of("guests"), guest), "g", List.of("files"));
        registry.subscribe(registry.open("p1", Set.of("user:u1", "users"), user), "u", List.of("buckets.b1.files"));
        registry.subscribe(registry.open("p2", Set.of("guests"), otherProject), "o", List.of("files"));

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
        registry.subscribe(c, "b", List.of("documents"));
        registry.subscribe(c, "c", List.of("buckets.b1.files.f1"));
        registry.deliver(file("p1", "f1", "any"));
        assertEquals(List.of("a", "c"), inbox.subscriptions(0));
    }

    @Test
    void recipientsWithTheSameMatchedIdsShareOneEncodedFrame() {
        Inbox first = new Inbox();
        Inbox second = new Inbox();
        guest(first, "s1", "files");
        guest(second, "s1", "files");
        registry.deliver(file("p1", "f1", "any"));
        assertSame(first.frames.get(0), second.frames.get(0));
    }

    @Test
    void upsertReplacesTheChannelsOfASubscription() {
        Inbox inbox = new Inbox();
        Connection c = guest(inbox, "s", "files");
        registry.subscribe(c, "s", List.of("documents"));
        registry.deliver(file("p1", "f1", "any"));
        assertEquals(List.of(), inbox.ids());
        assertEquals(Set.of("documents"), c.channels());
    }

    @Test
    void unsubscribeIsIdempotentAndKeepsOtherSubscriptions() {
        Inbox inbox = new Inbox();
        Connection c = guest(inbox, "a", "files");
        registry.subscribe(c, "b", List.of("files"));
        assertTrue(registry.unsubscribe(c, "a"));
        assertFalse(registry.unsubscribe(c, "a"));
        registry.deliver(file("p1", "f1", "any"));
        assertEquals(List.of("b"), inbox.subscriptions(0));
    }

    @Test
    void closedConnectionsReceiveNothingAndLeaveNoTrace() {
        Connection c = guest(new Inbox(), "a", "files");
        registry.close(c);
        registry.subscribe(c, "b", List.of("files"));
        assertEquals(0, registry.deliver(file("p1", "f1", "any")));
        assertEquals(0, registry.connectionCount());
    }

    @Test
    void aFailingRecipientDoesNotStopDeliveryToTheOthers() {
        Inbox healthy = new Inbox();
        guest(frame -> {
            throw new IllegalStateException("socket gone");
        }, "x", "files");
        guest(healthy, "y", "files");
        assertEquals(1, registry.deliver(file("p1", "f1", "any")));
        assertEquals(List.of("f1"), healthy.ids());
    }

    /** Records frames as a transport would send them. */
    static final class Inbox implements Recipient {
        final List<String> frames = new ArrayList<>();

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

        private static JsonObject data(String frame) {
            return Json.createReader(new StringReader(frame)).readObject().getJsonObject("data");
        }
    }
}
