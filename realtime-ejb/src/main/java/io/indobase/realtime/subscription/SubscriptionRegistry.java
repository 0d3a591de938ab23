package io.indobase.realtime.subscription;

import io.indobase.realtime.channel.EventChannels;
import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.frame.EventFrame;
import io.indobase.realtime.permission.Access;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node's subscriptions, indexed by (project, channel). For each event it picks the connections subscribed to one
 * of the event's channels that may read it, groups them by their matched subscription ids, encodes one frame per
 * group and hands it to each recipient. A failing recipient is logged and skipped; the others still receive.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SubscriptionRegistry {

    private static final Logger LOG = Logger.getLogger(SubscriptionRegistry.class.getName());

    private final Map<ChannelKey, Set<Connection>> index = new ConcurrentHashMap<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

    public Connection open(String project, Set<String> roles, Recipient recipient) {
        Connection connection = new Connection(UUID.randomUUID().toString(), project, roles, recipient);
        connections.add(connection);
        return connection;
    }

    /** Creates the subscription or replaces its channels (an upsert by id). */
    public void subscribe(Connection connection, String subscriptionId, Collection<String> channels) {
        synchronized (connection) {
            if (connection.isClosed()) {
                return;
            }
            Set<String> before = connection.put(subscriptionId, new LinkedHashSet<>(channels));
            reindex(connection, before, connection.channels());
        }
    }

    /** @return whether the connection had that subscription */
    public boolean unsubscribe(Connection connection, String subscriptionId) {
        synchronized (connection) {
            Set<String> before = connection.remove(subscriptionId);
            if (before == null) {
                return false;
            }
            reindex(connection, before, connection.channels());
            return true;
        }
    }

    public void close(Connection connection) {
        synchronized (connection) {
            reindex(connection, connection.closeAll(), Set.of());
        }
        connections.remove(connection);
    }

    public int connectionCount() {
        return connections.size();
    }

    /** @return the number of connections the event was handed to */
    public int deliver(Envelope envelope) {
        List<String> channels = EventChannels.of(envelope.event());
        Map<List<String>, List<Connection>> groups = recipients(envelope, channels);
        if (groups.isEmpty()) {
            return 0;
        }
        EventFrame frame = new EventFrame(envelope, List.of(envelope.event()), channels);
        int delivered = 0;
        for (Map.Entry<List<String>, List<Connection>> group : groups.entrySet()) {
            String text = frame.withSubscriptions(group.getKey());
            for (Connection connection : group.getValue()) {
                delivered += hand(connection, text) ? 1 : 0;
            }
        }
        return delivered;
    }

    private Map<List<String>, List<Connection>> recipients(Envelope envelope, List<String> channels) {
        Set<Connection> candidates = new HashSet<>();
        for (String channel : channels) {
            Set<Connection> subscribed = index.get(new ChannelKey(envelope.project(), channel));
            if (subscribed != null) {
                candidates.addAll(subscribed);
            }
        }
        Map<List<String>, List<Connection>> groups = new LinkedHashMap<>();
        for (Connection connection : candidates) {
            if (connection.isClosed() || !Access.mayRead(connection.roles(), envelope.readRoles())) {
                continue;
            }
            List<String> matched = connection.matching(channels);
            if (!matched.isEmpty()) {
                groups.computeIfAbsent(matched, k -> new ArrayList<>()).add(connection);
            }
        }
        return groups;
    }

    private static boolean hand(Connection connection, String frame) {
        try {
            connection.recipient().send(frame);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "RT-SUB-001 recipient of connection " + connection.id() + " failed; skipped", e);
            return false;
        }
    }

    private void reindex(Connection connection, Set<String> before, Set<String> after) {
        for (String channel : after) {
            if (!before.contains(channel)) {
                index.compute(new ChannelKey(connection.project(), channel), (key, set) -> {
                    Set<Connection> s = set == null ? ConcurrentHashMap.newKeySet() : set;
                    s.add(connection);
                    return s;
                });
            }
        }
        for (String channel : before) {
            if (!after.contains(channel)) {
                index.computeIfPresent(new ChannelKey(connection.project(), channel), (key, set) -> {
                    set.remove(connection);
                    return set.isEmpty() ? null : set;
                });
            }
        }
    }

    private record ChannelKey(String project, String channel) {
    }
}
