package io.indobase.realtime.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.event.EventReceived;
import io.indobase.realtime.permission.Identity;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Live role refresh against a brute-force oracle: random membership, team, label, verification, block and session
 * events interleaved with readable-or-not events. The oracle keeps each user's account in plain maps and recomputes
 * roles the slow way; every connection must receive exactly what the oracle says, so no delivery is ever made with
 * roles the user no longer (or not yet) holds.
 */
class LiveRolesOracleTest {

    private static final String PROJECT = "p1";
    private static final List<String> USERS = List.of("u1", "u2", "u3");
    private static final List<String> TEAMS = List.of("t1", "t2");
    private static final List<String> ROLES = List.of("any", "users", "users/verified", "users/unverified", "user:u1",
            "user:u2/verified", "team:t1", "team:t2", "team:t1/owner", "team:t2/editor", "member:m-u1-t1",
            "member:m-u2-t2", "label:vip", "label:gold", "guests");
    private static final List<String> CHANNELS = List.of("files", "memberships", "teams", "account");

    /** The oracle's view of one user's account. */
    private static final class Account {
        final Map<String, String[]> memberships = new HashMap<>(); // membershipId -> {team, confirmed, role}
        final Set<String> labels = new HashSet<>();
        boolean verified;

        Set<String> roles(String user) {
            Set<String> roles = new HashSet<>(Set.of("user:" + user, "users"));
            roles.add("user:" + user + (verified ? "/verified" : "/unverified"));
            roles.add(verified ? "users/verified" : "users/unverified");
            memberships.forEach((id, m) -> {
                if (m[1].equals("true")) {
                    roles.addAll(List.of("team:" + m[0], "member:" + id));
                    if (!m[2].isEmpty()) {
                        roles.add("team:" + m[0] + "/" + m[2]);
                    }
                }
            });
            labels.forEach(l -> roles.add("label:" + l));
            return roles;
        }
    }

    /** One socket of a user, with its session, its channels and what it must receive. */
    private static final class Socket {
        final String user;
        final String session;
        final Set<String> channels;
        final SubscriptionRegistryTest.Inbox inbox = new SubscriptionRegistryTest.Inbox();
        final List<String> expected = new ArrayList<>();
        Connection connection;
        boolean closed;

        Socket(String user, String session, Set<String> channels) {
            this.user = user;
            this.session = session;
            this.channels = channels;
        }
    }

    @RepeatedTest(25)
    void everyDeliveryUsesTheRolesTheOracleSays(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition() * 31337L);
        SubscriptionRegistry registry = new SubscriptionRegistry();
        DeliveryObserver observer = new DeliveryObserver();
        observer.registry = registry;
        Map<String, Account> accounts = new LinkedHashMap<>();
        List<Socket> sockets = new ArrayList<>();
        for (String user : USERS) {
            accounts.put(user, new Account());
            for (int i = 0; i < 2; i++) {
                Socket socket = new Socket(user, user + "-s" + i, new HashSet<>(pick(random, CHANNELS, 2)));
                Connection connection = registry.open(PROJECT, Identity.user(user, false, List.of(), List.of()), socket.inbox);
                registry.identify(connection, connection.identity(), socket.session);
                registry.subscribe(connection, "s", socket.channels, List.of());
                socket.connection = connection;
                sockets.add(socket);
            }
        }
        int delivered = 0;
        Map<String, String> names = new HashMap<>();
        for (int step = 0; step < 400; step++) {
            String id = "e" + step;
            Change change = change(random, id);
            names.put(id, change.event + " " + change.readRoles);
            // the oracle: gains before the delivery, losses and revocations after it
            if (!change.loss) {
                change.apply(accounts, sockets);
            }
            for (Socket socket : sockets) {
                // as in Appwrite, "account" hears every user event the socket may read; permissions decide
                boolean listens = change.channels.stream().anyMatch(socket.channels::contains);
                if (!socket.closed && listens && readable(accounts.get(socket.user).roles(socket.user), change.readRoles)) {
                    socket.expected.add(id);
                    delivered++;
                }
            }
            if (change.loss) {
                change.apply(accounts, sockets);
            }
            observer.onEvent(new EventReceived(new Envelope(PROJECT, change.event, change.payload, change.readRoles,
                    Instant.EPOCH), 0L));
            // a revoked socket closes, as the transport does after the error frame
            sockets.stream().filter(x -> !x.inbox.disconnects.isEmpty()).forEach(x -> registry.close(x.connection));
        }
        for (Socket socket : sockets) {
            List<String> extra = new ArrayList<>(socket.inbox.ids());
            extra.removeAll(socket.expected);
            extra.replaceAll(names::get);
            assertEquals(socket.expected, socket.inbox.ids(), socket.user + "/" + socket.session + socket.channels + " " + extra);
            assertEquals(socket.closed, !socket.inbox.disconnects.isEmpty(), socket.user + "/" + socket.session);
        }
        assertTrue(delivered > 100, "the scenario must deliver something to compare: " + delivered);
    }

    private static boolean readable(Set<String> roles, Set<String> readRoles) {
        return readRoles.contains("any") || readRoles.stream().anyMatch(roles::contains);
    }

    /** One event and what it does to the oracle's accounts. */
    private record Change(String event, JsonObject payload, Set<String> readRoles, List<String> channels, boolean loss,
                          java.util.function.BiConsumer<Map<String, Account>, List<Socket>> effect) {
        void apply(Map<String, Account> accounts, List<Socket> sockets) {
            effect.accept(accounts, sockets);
        }
    }

    private static Change change(Random random, String id) {
        String user = USERS.get(random.nextInt(USERS.size()));
        String team = TEAMS.get(random.nextInt(TEAMS.size()));
        String membership = "m-" + user + "-" + team;
        Set<String> read = new HashSet<>(pick(random, ROLES, 1 + random.nextInt(2)));
        int kind = random.nextInt(20);
        if (kind < 4) {
            boolean confirm = random.nextInt(4) > 0;
            String role = List.of("", "owner", "editor").get(random.nextInt(3));
            String action = random.nextBoolean() ? "create" : "update";
            JsonObject payload = Json.createObjectBuilder().add("$id", id).add("userId", user).add("teamId", team)
                    .add("confirm", confirm).add("roles", role.isEmpty() ? Json.createArrayBuilder() : Json.createArrayBuilder().add(role)).build();
            return new Change("teams." + team + ".memberships." + membership + "." + action, payload, read,
                    List.of("memberships"), false, (a, s) -> a.get(user).memberships.put(membership,
                            new String[] {team, Boolean.toString(confirm), role}));
        }
        if (kind < 6) {
            return new Change("teams." + team + ".memberships." + membership + ".delete", Json.createObjectBuilder()
                    .add("$id", id).add("userId", user).add("teamId", team).build(), read, List.of("memberships"), true,
                    (a, s) -> a.get(user).memberships.remove(membership));
        }
        if (kind < 7) {
            return new Change("teams." + team + ".delete", Json.createObjectBuilder().add("$id", id).build(), read,
                    List.of("teams"), true, (a, s) -> a.values().forEach(acc -> acc.memberships.values()
                            .removeIf(m -> m[0].equals(team))));
        }
        if (kind < 9) {
            List<String> labels = pick(random, List.of("vip", "gold"), random.nextInt(3));
            boolean verified = random.nextBoolean();
            return new Change("users." + user + ".update.labels", Json.createObjectBuilder().add("$id", id)
                    .add("labels", Json.createArrayBuilder(labels)).add("emailVerification", verified).build(), read,
                    List.of("account"), false, (a, s) -> {
                        a.get(user).labels.clear();
                        a.get(user).labels.addAll(labels);
                        a.get(user).verified = verified;
                    });
        }
        if (kind < 10 && random.nextInt(3) == 0) {
            String session = user + "-s" + random.nextInt(2);
            return new Change("users." + user + ".sessions." + session + ".delete", Json.createObjectBuilder()
                    .add("$id", id).build(), read, List.of("account"), true,
                    (a, s) -> s.stream().filter(x -> x.session.equals(session)).forEach(x -> x.closed = true));
        }
        return new Change("buckets.b1.files." + id + ".create", Json.createObjectBuilder().add("$id", id).build(), read,
                List.of("files"), false, (a, s) -> { });
    }

    private static List<String> pick(Random random, List<String> from, int count) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String value = from.get(random.nextInt(from.size()));
            if (!picked.contains(value)) {
                picked.add(value);
            }
        }
        return picked;
    }
}
