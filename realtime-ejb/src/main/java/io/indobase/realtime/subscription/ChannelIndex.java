package io.indobase.realtime.subscription;

import io.indobase.realtime.permission.Role;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connections by project, channel and role. An event looks up only its own channels and, within each, only its
 * read roles (or every role, when the event is readable by {@code any}), so the cost of a delivery grows with the
 * connections that may read it, not with the roles or connections of the project.
 *
 * <p>Writers for one (project, channel) are serialised by the outer map; readers see a weakly consistent view.
 */
final class ChannelIndex {

    private final Map<Key, Map<String, Set<Connection>>> byChannel = new ConcurrentHashMap<>();

    void add(Connection connection, Collection<String> channels, Collection<String> roles) {
        for (String channel : channels) {
            byChannel.compute(new Key(connection.project(), channel), (key, byRole) -> {
                Map<String, Set<Connection>> map = byRole == null ? new ConcurrentHashMap<>() : byRole;
                for (String role : roles) {
                    map.computeIfAbsent(role, r -> ConcurrentHashMap.newKeySet()).add(connection);
                }
                return map;
            });
        }
    }

    void remove(Connection connection, Collection<String> channels, Collection<String> roles) {
        for (String channel : channels) {
            byChannel.computeIfPresent(new Key(connection.project(), channel), (key, byRole) -> {
                for (String role : roles) {
                    byRole.computeIfPresent(role, (r, set) -> {
                        set.remove(connection);
                        return set.isEmpty() ? null : set;
                    });
                }
                return byRole.isEmpty() ? null : byRole;
            });
        }
    }

    /** Adds to {@code into} the connections subscribed to one of the channels under a role that may read. */
    void collect(String project, Collection<String> channels, Set<String> readRoles, boolean readableByAny,
                 Set<Connection> into) {
        for (String channel : channels) {
            Map<String, Set<Connection>> byRole = byChannel.get(new Key(project, channel));
            if (byRole == null) {
                continue;
            }
            if (readableByAny) {
                byRole.values().forEach(into::addAll);
                continue;
            }
            Set<Connection> keys = byRole.get(Role.EVERY_EVENT);
            if (keys != null) {
                into.addAll(keys);
            }
            if (readRoles.size() <= byRole.size()) {
                for (String role : readRoles) {
                    Set<Connection> holders = byRole.get(role);
                    if (holders != null) {
                        into.addAll(holders);
                    }
                }
            } else {
                byRole.forEach((role, holders) -> {
                    if (readRoles.contains(role)) {
                        into.addAll(holders);
                    }
                });
            }
        }
    }

    /** The number of (project, channel) entries; zero once every connection has gone. */
    int size() {
        return byChannel.size();
    }

    private record Key(String project, String channel) {
    }
}
