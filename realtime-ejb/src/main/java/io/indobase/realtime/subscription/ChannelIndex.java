package io.indobase.realtime.subscription;

import io.indobase.realtime.permission.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connections by project, channel and role. An event looks up only its own channels and, within each, only its
 * read roles (or every connection of the channel, when the event is readable by {@code any}), so the cost of a
 * delivery grows with the connections that may read it, not with the roles or connections of the project. When one
 * set holds every candidate (the usual case: one channel subscribed, readable by {@code any} or by one role), it is
 * handed out as it is, without copying thousands of connections into a new set.
 *
 * <p>Writers for one (project, channel) are serialised by the outer map; readers see a weakly consistent view.
 */
final class ChannelIndex {

    private final Map<Key, Entry> byChannel = new ConcurrentHashMap<>();

    /** One (project, channel): its connections by role, and each of them once. */
    private record Entry(Map<String, Set<Connection>> byRole, Set<Connection> all) {

        Entry() {
            this(new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet());
        }
    }

    void add(Connection connection, Collection<String> channels, Collection<String> roles) {
        for (String channel : channels) {
            byChannel.compute(new Key(connection.project(), channel), (key, entry) -> {
                Entry e = entry == null ? new Entry() : entry;
                for (String role : roles) {
                    e.byRole().computeIfAbsent(role, r -> ConcurrentHashMap.newKeySet()).add(connection);
                }
                e.all().add(connection);
                return e;
            });
        }
    }

    /** Takes the connection out of these channels altogether (it closed, or left them). */
    void remove(Connection connection, Collection<String> channels) {
        remove(connection, channels, connection.roles(), true);
    }

    /** Takes the connection out of these roles' buckets only: it stays in the channels under its other roles. */
    void removeRoles(Connection connection, Collection<String> channels, Collection<String> roles) {
        remove(connection, channels, roles, false);
    }

    private void remove(Connection connection, Collection<String> channels, Collection<String> roles, boolean entirely) {
        for (String channel : channels) {
            byChannel.computeIfPresent(new Key(connection.project(), channel), (key, entry) -> {
                // every bucket when that is fewer than the roles (or the roles may be stale), else the roles
                Collection<String> buckets = entirely && roles.size() > entry.byRole().size()
                        ? List.copyOf(entry.byRole().keySet()) : roles;
                for (String role : buckets) {
                    entry.byRole().computeIfPresent(role, (r, set) -> {
                        set.remove(connection);
                        return set.isEmpty() ? null : set;
                    });
                }
                if (entirely) {
                    entry.all().remove(connection);
                }
                return entry.all().isEmpty() ? null : entry;
            });
        }
    }

    /**
     * The connections subscribed to one of the channels under a role that may read: one of the index's own sets
     * (read it, never change it) when a single set holds them all, else a new set.
     */
    Set<Connection> candidates(String project, Collection<String> channels, Set<String> readRoles,
                               boolean readableByAny) {
        List<Set<Connection>> parts = new ArrayList<>(2);
        for (String channel : channels) {
            Entry entry = byChannel.get(new Key(project, channel));
            if (entry == null) {
                continue;
            }
            if (readableByAny) {
                parts.add(entry.all());
                continue;
            }
            Map<String, Set<Connection>> byRole = entry.byRole();
            Set<Connection> keys = byRole.get(Role.EVERY_EVENT);
            if (keys != null) {
                parts.add(keys);
            }
            if (readRoles.size() <= byRole.size()) {
                for (String role : readRoles) {
                    Set<Connection> holders = byRole.get(role);
                    if (holders != null) {
                        parts.add(holders);
                    }
                }
            } else {
                byRole.forEach((role, holders) -> {
                    if (readRoles.contains(role)) {
                        parts.add(holders);
                    }
                });
            }
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Set<Connection> union = new HashSet<>();
        parts.forEach(union::addAll);
        return union;
    }

    /** The number of (project, channel) entries; zero once every connection has gone. */
    int size() {
        return byChannel.size();
    }

    private record Key(String project, String channel) {
    }
}
