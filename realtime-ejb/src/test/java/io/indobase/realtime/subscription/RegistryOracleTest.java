package io.indobase.realtime.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.permission.Membership;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Random identities, subscriptions (with queries), events and churn against a brute-force oracle that checks every
 * connection against every event: each connection receives exactly the events it may read on a channel it listens to
 * whose payload passes the subscription's queries, naming exactly its matching subscriptions — no unauthorised and no
 * missed delivery. The oracle judges queries with plain predicates written for the payloads this test makes.
 */
class RegistryOracleTest {

    private static final List<String> PROJECTS = List.of("p1", "p2");
    private static final List<Identity> IDENTITIES = List.of(
            Identity.GUEST,
            Identity.user("u1", true, List.of(new Membership("t1", "m1", List.of("owner"), true)), List.of("vip")),
            Identity.user("u2", false, List.of(new Membership("t1", "m2", List.of("editor"), true)), List.of()),
            Identity.user("u3", true, List.of(new Membership("t2", "m3", List.of(), false)), List.of("vip")),
            Identity.user("u4", false, List.of(), List.of()));
    private static final List<String> READ_ROLES = List.of("any", "guests", "users", "users/verified", "users/unverified",
            "user:u1", "user:u2/verified", "user:u2/unverified", "user:u3", "team:t1", "team:t1/owner", "team:t2",
            "member:m2", "label:vip");
    private static final List<String> CHANNELS = List.of("files", "files.create", "buckets.b1.files", "buckets.b1.files.f1",
            "documents", "documents.update", "databases.d1.collections.c1.documents", "rows", "tablesdb.d1.tables.c1.rows.x1",
            "account", "account.update", "account.u1", "account.u2", "teams", "memberships", "memberships.m1.update",
            "executions", "functions.fn1");
    private static final List<String> EVENTS = List.of("buckets.b1.files.f1.create", "buckets.b1.files.f2.delete",
            "databases.d1.collections.c1.documents.x1.update", "tablesdb.d1.tables.c1.rows.x2.create",
            "users.u1.update.name", "users.u2.sessions.s1.create", "users.u2.update", "teams.t1.update",
            "teams.t1.memberships.m1.update.status", "functions.fn1.executions.e1.create");

    /** Queries a subscription may have, each with the predicate that says, the slow way, which payloads pass. */
    private static final List<Map.Entry<List<String>, Predicate<JsonObject>>> QUERIES = List.of(
            Map.entry(List.of(), p -> true),
            Map.entry(List.of("{\"method\":\"equal\",\"attribute\":\"status\",\"values\":[\"active\"]}"),
                    p -> "\"active\"".equals(String.valueOf(p.get("status")))),
            Map.entry(List.of("{\"method\":\"notEqual\",\"attribute\":\"status\",\"values\":[\"active\"]}"),
                    p -> p.containsKey("status") && !"\"active\"".equals(String.valueOf(p.get("status")))),
            Map.entry(List.of("{\"method\":\"greaterThan\",\"attribute\":\"n\",\"values\":[5]}"),
                    p -> number(p) != null && number(p) > 5),
            Map.entry(List.of("{\"method\":\"or\",\"values\":[{\"method\":\"equal\",\"attribute\":\"status\",\"values\":[\"active\"]},"
                            + "{\"method\":\"isNull\",\"attribute\":\"status\"}]}"),
                    p -> "\"active\"".equals(String.valueOf(p.get("status"))) || JsonValue.NULL.equals(p.get("status"))),
            Map.entry(List.of("{\"method\":\"lessThanEqual\",\"attribute\":\"n\",\"values\":[3]}",
                            "{\"method\":\"isNotNull\",\"attribute\":\"status\"}"),
                    p -> number(p) != null && number(p) <= 3 && p.containsKey("status") && !JsonValue.NULL.equals(p.get("status"))),
            Map.entry(List.of("{\"method\":\"between\",\"attribute\":\"n\",\"values\":[2,8]}"),
                    p -> number(p) != null && number(p) >= 2 && number(p) <= 8));

    private final Map<String, Envelope> published = new LinkedHashMap<>();

    @RepeatedTest(20)
    void everyConnectionGetsExactlyWhatTheOracleSays(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition() * 7919L);
        SubscriptionRegistry registry = new SubscriptionRegistry();
        List<OracleModel> models = open(registry, random, 40);
        int expected = 0;
        for (int step = 0; step < 600; step++) {
            int action = random.nextInt(20);
            if (action < 12) {
                churn(registry, models.get(random.nextInt(models.size())), random);
            } else {
                Envelope event = event(random);
                registry.deliver(event);
                for (OracleModel m : models) {
                    expected += m.expect(event) ? 1 : 0;
                }
            }
        }
        for (OracleModel m : models) {
            assertEquals(m.expected, m.received(0), m.toString());
        }
        assertTrue(expected > 100, "the scenario must deliver something to compare: " + expected);
    }

    @RepeatedTest(5)
    void staysExactUnderConcurrentChurn(RepetitionInfo repetition) throws Exception {
        Random random = new Random(repetition.getCurrentRepetition() * 104729L);
        SubscriptionRegistry registry = new SubscriptionRegistry();
        List<OracleModel> stable = open(registry, random, 30);
        for (OracleModel m : stable) {
            for (int i = 0; i < 3; i++) {
                churn(registry, m, random);
            }
        }
        List<OracleModel> churning = open(registry, random, 30);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                List<OracleModel> mine = churning.subList(t * 15, t * 15 + 15);
                long seed = random.nextLong();
                done.add(threads.submit(() -> {
                    Random own = new Random(seed);
                    for (int i = 0; i < 3000; i++) {
                        churn(registry, mine.get(own.nextInt(mine.size())), own);
                    }
                }));
            }
            List<Envelope> events = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Envelope event = event(random);
                events.add(event);
                registry.deliver(event);
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
            for (Envelope event : events) {
                stable.forEach(m -> m.expect(event));
            }
        } finally {
            threads.shutdownNow();
        }
        for (OracleModel m : stable) {
            assertEquals(m.expected, m.received(0), "stable " + m);
        }
        for (OracleModel m : churning) {
            m.assertOnlyAuthorised(published);
        }
        // once the churn is over, the index must agree with every connection's final state
        List<OracleModel> all = new ArrayList<>(stable);
        all.addAll(churning);
        all.forEach(OracleModel::mark);
        for (int i = 0; i < 200; i++) {
            Envelope event = event(random);
            registry.deliver(event);
            all.forEach(m -> m.expect(event));
        }
        for (OracleModel m : all) {
            assertEquals(m.expected, m.received(m.mark), "after churn " + m);
        }
    }

    private static List<OracleModel> open(SubscriptionRegistry registry, Random random, int count) {
        List<OracleModel> models = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            OracleModel m = new OracleModel(PROJECTS.get(random.nextInt(PROJECTS.size())), IDENTITIES.get(random.nextInt(IDENTITIES.size())));
            m.connection = registry.open(m.project, m.identity, m.inbox);
            models.add(m);
        }
        return models;
    }

    /** One random change to a connection, applied to the registry and to its model. */
    private static void churn(SubscriptionRegistry registry, OracleModel m, Random random) {
        int action = random.nextInt(20);
        String id = "s" + random.nextInt(4);
        if (action < 10) {
            List<String> channels = new ArrayList<>(pick(random, CHANNELS, 1 + random.nextInt(3)));
            Map.Entry<List<String>, Predicate<JsonObject>> queries = QUERIES.get(random.nextInt(QUERIES.size()));
            m.subscribed(id, channels, queries.getValue());
            registry.subscribe(m.connection, id, channels, queries.getKey());
        } else if (action < 15) {
            m.subscriptions.remove(id);
            registry.unsubscribe(m.connection, id);
        } else if (action < 19) {
            Identity next = IDENTITIES.get(1 + random.nextInt(IDENTITIES.size() - 1));
            m.identified(next);
            registry.identify(m.connection, next);
        } else if (random.nextInt(4) == 0) {
            m.closed = true;
            m.subscriptions.clear();
            registry.close(m.connection);
        }
    }

    private Envelope event(Random random) {
        String id = "e" + published.size();
        JsonObjectBuilder payload = Json.createObjectBuilder().add("$id", id);
        switch (random.nextInt(4)) {
            case 0 -> payload.add("status", "active");
            case 1 -> payload.add("status", "archived");
            case 2 -> payload.addNull("status");
            default -> { } // no status at all
        }
        int n = random.nextInt(11);
        switch (random.nextInt(4)) {
            case 0 -> payload.add("n", n);
            case 1 -> payload.add("n", n + 0.5);
            case 2 -> payload.add("n", Integer.toString(n)); // PHP compares a numeric string as a number
            default -> { }
        }
        return publish(id, payload.build(), random);
    }

    private Envelope publish(String id, JsonObject payload, Random random) {
        Envelope event = new Envelope(PROJECTS.get(random.nextInt(PROJECTS.size())), EVENTS.get(random.nextInt(EVENTS.size())),
                payload, pick(random, READ_ROLES, random.nextInt(3)), Instant.EPOCH);
        published.put(id, event);
        return event;
    }

    /** The payload's {@code n} as a number, whether it was sent as an int, a float or a numeric string. */
    private static Double number(JsonObject payload) {
        JsonValue n = payload.get("n");
        if (n instanceof JsonNumber number) {
            return number.doubleValue();
        }
        return n instanceof JsonString string ? Double.valueOf(string.getString()) : null;
    }

    private static Set<String> pick(Random random, List<String> from, int count) {
        Set<String> picked = new HashSet<>();
        for (int i = 0; i < count; i++) {
            picked.add(from.get(random.nextInt(from.size())));
        }
        return picked;
    }
}
