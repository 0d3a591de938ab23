package io.indobase.realtime.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.channel.EventChannels;
import io.indobase.realtime.event.Envelope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Random identities, subscriptions, churn and events against a brute-force oracle: every connection receives
 * exactly the events it may read on a channel it is subscribed to, nothing more, nothing less.
 */
class RegistryOracleTest {

    private static final List<String> PROJECTS = List.of("p1", "p2");
    private static final List<String> ROLES = List.of("any", "guests", "users", "user:u1", "user:u2", "team:t1", "team:t1/owner", "label:vip");
    private static final List<String> FILES = List.of("f1", "f2", "f3");
    private static final List<String> CHANNELS = List.of("files", "files.create", "buckets.b1.files", "buckets.b1.files.f1",
            "buckets.b1.files.f2.create", "documents", "account");

    @RepeatedTest(20)
    void matchesTheOracle(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition() * 7919L);
        SubscriptionRegistry registry = new SubscriptionRegistry();
        List<Model> models = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Model m = new Model(PROJECTS.get(random.nextInt(2)), pick(random, ROLES.subList(1, ROLES.size()), 1 + random.nextInt(3)));
            m.connection = registry.open(m.project, m.roles, m.inbox);
            models.add(m);
        }
        for (int step = 0; step < 400; step++) {
            Model m = models.get(random.nextInt(models.size()));
            int action = random.nextInt(10);
            if (action < 3) {
                String id = "s" + random.nextInt(3);
                Set<String> channels = pick(random, CHANNELS, 1 + random.nextInt(2));
                registry.subscribe(m.connection, id, channels);
                if (!m.closed) {
                    m.subscriptions.put(id, channels);
                }
            } else if (action < 4) {
                String id = "s" + random.nextInt(3);
                registry.unsubscribe(m.connection, id);
                m.subscriptions.remove(id);
            } else if (action < 5 && random.nextInt(10) == 0) {
                registry.close(m.connection);
                m.closed = true;
                m.subscriptions.clear();
            } else {
                Envelope e = SubscriptionRegistryTest.file(PROJECTS.get(random.nextInt(2)), FILES.get(random.nextInt(3)),
                        pick(random, ROLES, random.nextInt(3)).toArray(String[]::new));
                registry.deliver(e);
                for (Model each : models) {
                    each.expect(e);
                }
            }
        }
        int deliveries = 0;
        for (Model m : models) {
            assertEquals(m.expected, m.received(), "connection " + m.roles + " in " + m.project);
            deliveries += m.expected.size();
        }
        assertTrue(deliveries > 50, "the scenario must deliver something to compare: " + deliveries);
    }

    private static Set<String> pick(Random random, List<String> from, int count) {
        Set<String> picked = new HashSet<>();
        for (int i = 0; i < count; i++) {
            picked.add(from.get(random.nextInt(from.size())));
        }
        return picked;
    }

    private static final class Model {
        final String project;
        final Set<String> roles;
        final Map<String, Set<String>> subscriptions = new HashMap<>();
        final SubscriptionRegistryTest.Inbox inbox = new SubscriptionRegistryTest.Inbox();
        final List<String> expected = new ArrayList<>();
        Connection connection;
        boolean closed;

        Model(String project, Set<String> roles) {
            this.project = project;
            this.roles = roles;
        }

        void expect(Envelope e) {
            boolean readable = e.readRoles().contains("any") || e.readRoles().stream().anyMatch(roles::contains);
            List<String> channels = EventChannels.of(e.event());
            List<String> matched = new ArrayList<>();
            subscriptions.forEach((id, chans) -> {
                if (chans.stream().anyMatch(channels::contains)) {
                    matched.add(id);
                }
            });
            if (!closed && project.equals(e.project()) && readable && !matched.isEmpty()) {
                matched.sort(null);
                expected.add(e.event() + matched);
            }
        }

        List<String> received() {
            List<String> got = new ArrayList<>();
            List<String> ids = inbox.ids();
            for (int i = 0; i < inbox.frames.size(); i++) {
                List<String> subs = new ArrayList<>(inbox.subscriptions(i));
                subs.sort(null);
                got.add("buckets.b1.files." + ids.get(i) + ".create" + subs);
            }
            return got;
        }
    }
}
