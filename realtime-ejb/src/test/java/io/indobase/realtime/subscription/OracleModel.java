package io.indobase.realtime.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.channel.AccountChannels;
import io.indobase.realtime.channel.EventChannels;
import io.indobase.realtime.channel.EventNames;
import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.permission.Identity;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** What a connection should have, computed the slow way. */
final class OracleModel {
    final String project;
    Identity identity;
    final Map<String, List<String>> subscriptions = new LinkedHashMap<>();
    final Map<String, Predicate<JsonObject>> filters = new HashMap<>();
    final Set<String> everHeldRoles = new HashSet<>();
    final Set<String> everUsedIds = new HashSet<>();
    final SubscriptionRegistryTest.Inbox inbox = new SubscriptionRegistryTest.Inbox();
    final List<String> expected = new ArrayList<>();
    Connection connection;
    boolean closed;
    int mark;

    OracleModel(String project, Identity identity) {
        this.project = project;
        this.identity = identity;
        everHeldRoles.addAll(identity.roles());
    }

    void subscribed(String id, List<String> channels, Predicate<JsonObject> filter) {
        if (!closed) {
            subscriptions.put(id, AccountChannels.convert(channels, identity.userId()));
            filters.put(id, filter);
            everUsedIds.add(id);
        }
    }

    void identified(Identity next) {
        if (closed) {
            return;
        }
        subscriptions.replaceAll((id, channels) -> AccountChannels.rebind(channels, identity.userId(), next.userId()));
        identity = next;
        everHeldRoles.addAll(next.roles());
    }

    boolean expect(Envelope e) {
        List<String> channels = EventChannels.of(EventNames.expand(e.event()).get(0), e.project());
        boolean readable = e.readRoles().contains("any") || e.readRoles().stream().anyMatch(identity.roles()::contains);
        List<String> matched = new ArrayList<>();
        subscriptions.forEach((id, chans) -> {
            if (chans.stream().anyMatch(channels::contains) && filters.get(id).test(e.payload())) {
                matched.add(id);
            }
        });
        if (closed || !project.equals(e.project()) || !readable || matched.isEmpty()) {
            return false;
        }
        matched.sort(null);
        expected.add(e.payload().getString("$id") + matched);
        return true;
    }

    void mark() {
        mark = inbox.frames.size();
        expected.clear();
    }

    List<String> received(int from) {
        List<String> got = new ArrayList<>();
        List<String> ids = inbox.ids();
        for (int i = from; i < inbox.frames.size(); i++) {
            List<String> subs = new ArrayList<>(inbox.subscriptions(i));
            subs.sort(null);
            got.add(ids.get(i) + subs);
        }
        return got;
    }

    /** While churning, the exact state at delivery time is unknown; what was never held can never be used. */
    void assertOnlyAuthorised(Map<String, Envelope> published) {
        List<String> ids = inbox.ids();
        for (int i = 0; i < ids.size(); i++) {
            Envelope e = published.get(ids.get(i));
            assertEquals(project, e.project(), "other project's event");
            assertTrue(e.readRoles().contains("any") || e.readRoles().stream().anyMatch(everHeldRoles::contains),
                    "unauthorised " + e + " to " + this);
            assertTrue(everUsedIds.containsAll(inbox.subscriptions(i)), "unknown subscription in " + inbox.frames.get(i));
        }
    }

    @Override
    public String toString() {
        return identity.userId() + "@" + project + " " + subscriptions;
    }
}
