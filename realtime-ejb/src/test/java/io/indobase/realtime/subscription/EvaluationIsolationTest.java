package io.indobase.realtime.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.event.EventReceived;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.permission.Membership;
import io.indobase.realtime.query.Filter;
import io.indobase.realtime.replay.Resumption;
import io.indobase.realtime.stats.RealtimeStats;
import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A subscription whose queries throw on a payload (a defect, or a value the comparison cannot handle) costs that
 * match only: every other subscription and connection gets the event, live and by replay, and the live role changes
 * that follow the delivery still apply.
 */
class EvaluationIsolationTest {

    private static final Filter THROWS = payload -> {
        throw new ArithmeticException("a comparison that cannot be made");
    };

    private final SubscriptionRegistry registry = new SubscriptionRegistry();

    /** A guest with a good subscription and one whose queries throw, both on {@code files}. */
    private Connection withABadSubscription(SubscriptionRegistryTest.Inbox inbox) {
        Connection connection = registry.open("p1", Identity.GUEST, inbox);
        registry.subscribe(connection, "bad", List.of("files"), List.of());
        registry.subscribe(connection, "good", List.of("files"), List.of());
        connection.put("bad", new Subscription(Set.of("files"), List.of(), THROWS));
        return connection;
    }

    @Test
    void aSubscriptionWhoseQueriesThrowLosesThatMatchOnly() {
        var alice = new SubscriptionRegistryTest.Inbox();
        var bob = new SubscriptionRegistryTest.Inbox();
        withABadSubscription(alice);
        registry.subscribe(registry.open("p1", Identity.GUEST, bob), "b", List.of("files"), List.of());

        assertEquals(2, registry.deliver("e1", SubscriptionRegistryTest.file("p1", "f1", "any")));
        assertEquals(List.of("f1"), bob.ids());
        assertEquals(List.of("f1"), alice.ids());
        assertEquals(List.of("good"), alice.subscriptions(0));
        assertEquals(1, registry.stats.dropped(RealtimeStats.Drop.QUERY_FAILED));
    }

    @Test
    void theReplayOfAConnectionWithABadSubscriptionStillHasEverything() {
        registry.deliver("e0", SubscriptionRegistryTest.file("p1", "f0", "any"));
        registry.deliver("e1", SubscriptionRegistryTest.file("p1", "f1", "any"));
        var alice = new SubscriptionRegistryTest.Inbox();
        Connection connection = registry.open("p1", Identity.GUEST, alice);
        AtomicReference<Resumption> answer = new AtomicReference<>();
        registry.resume(connection, "e0", 100, Long.MAX_VALUE, () -> {
            registry.subscribe(connection, "bad", List.of("files"), List.of());
            registry.subscribe(connection, "good", List.of("files"), List.of());
            connection.put("bad", new Subscription(Set.of("files"), List.of(), THROWS));
        }, answer::set);
        assertEquals(Resumption.Outcome.RESUMED, answer.get().outcome());
        assertEquals(1, answer.get().frames().size());
        assertTrue(answer.get().frames().get(0).contains("\"subscriptions\":[\"good\"]"));
    }

    @Test
    void aLostMembershipIsAppliedEvenWhenItsDeliveryFails() {
        SubscriptionRegistry failing = new SubscriptionRegistry() {
            @Override
            public int deliver(String id, Envelope envelope) {
                throw new IllegalStateException("a defect while delivering");
            }
        };
        DeliveryObserver observer = new DeliveryObserver();
        observer.registry = failing;
        var bob = new SubscriptionRegistryTest.Inbox();
        Connection connection = failing.open("p1",
                Identity.user("bob", true, List.of(new Membership("t1", "m1", List.of(), true)), List.of()), bob);
        Envelope removal = new Envelope("p1", "teams.t1.memberships.m1.delete", Json.createObjectBuilder()
                .add("$id", "m1").add("teamId", "t1").add("userId", "bob").build(), Set.of("team:t1"), Instant.now());

        assertThrows(IllegalStateException.class, () -> observer.onEvent(new EventReceived(removal, 0L)));
        assertFalse(connection.roles().contains("team:t1"));
        assertFalse(observer.revocations.current("p1", connection.identity(), null).roles().contains("team:t1"));
    }
}
