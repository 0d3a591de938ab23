package io.indobase.realtime.presence;

import io.indobase.realtime.event.BrokerUnavailableException;
import io.indobase.realtime.event.EnvelopeReader;
import io.indobase.realtime.event.EventReceived;
import io.indobase.realtime.event.TopicPublisher;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.permission.Membership;
import io.indobase.realtime.subscription.Connection;
import io.indobase.realtime.subscription.Recipient;
import io.indobase.realtime.subscription.SubscriptionRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Nodes that share one topic, in one thread: each node has its registry and its presences, every message published
 * reaches every node (presences first, then delivery to its clients, as the node's observers do), and one clock.
 */
final class Cluster {

    static final long TTL = 60_000;

    final List<Node> nodes = new ArrayList<>();
    final List<String> published = new ArrayList<>();
    final MutableClock clock = new MutableClock();
    boolean brokerDown;
    /** While true, what is published waits in {@link #held} until {@link #release()}: messages still in flight. */
    boolean holding;
    private final List<String> held = new ArrayList<>();

    Node node() {
        Node node = new Node();
        nodes.add(node);
        return node;
    }

    void publish(String body) {
        if (brokerDown) {
            throw new BrokerUnavailableException("broker down", null);
        }
        published.add(body);
        if (holding) {
            held.add(body);
        } else {
            deliver(body);
        }
    }

    /** Delivers what was held, in publishing order, and stops holding. */
    void release() {
        holding = false;
        List<String> batch = List.copyOf(held);
        held.clear();
        batch.forEach(this::deliver);
    }

    /** Hands a message to every node, as the topic would (also to replay a message captured earlier). */
    void deliver(String body) {
        EventReceived event = new EventReceived(EnvelopeReader.read(body, clock.instant()), 0);
        List.copyOf(nodes).forEach(n -> n.receive(event));
    }

    static Identity user(String id, String team) {
        return Identity.user(id, true, team == null ? List.of() : List.of(new Membership(team, "m-" + id, List.of(), true)),
                List.of());
    }

    final class Node {
        final SubscriptionRegistry registry = new SubscriptionRegistry();
        final Presences presences = new Presences();

        Node() {
            presences.clock = clock;
            presences.ttlMillis = TTL;
            presences.localDelivery = this::receive;
            presences.publisher = new TopicPublisher() {
                @Override
                public void publish(JsonObject envelope) {
                    Cluster.this.publish(envelope.toString());
                }
            };
        }

        void receive(EventReceived event) {
            presences.onEvent(event);
            if (!event.isInternal()) {
                registry.deliver(event.envelope());
            }
        }

        /** A socket of this node, subscribed to {@code presences}. */
        Client client(Identity identity) {
            Client client = new Client();
            client.connection = registry.open("p1", identity, client);
            registry.subscribe(client.connection, "s", List.of("presences"), List.of());
            return client;
        }

        void close(Client client) {
            registry.close(client.connection);
            presences.closed(client.connection);
        }
    }

    static final class Client implements Recipient {
        final List<JsonObject> frames = new ArrayList<>();
        Connection connection;

        @Override
        public void send(String frame) {
            frames.add(Json.createReader(new StringReader(frame)).readObject());
        }

        @Override
        public void disconnect(String reason) {
        }

        /** The first wildcard name of each event received, e.g. {@code presences.abc.upsert}. */
        List<String> events() {
            return frames.stream().filter(f -> f.getString("type").equals("event"))
                    .map(f -> f.getJsonObject("data").getJsonArray("events").getString(0)).toList();
        }

        JsonObject lastPayload() {
            return frames.get(frames.size() - 1).getJsonObject("data").getJsonObject("payload");
        }
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");

        void advance(long millis) {
            now = now.plusMillis(millis);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static Set<String> guestRoles() {
        return Identity.GUEST.roles();
    }
}
