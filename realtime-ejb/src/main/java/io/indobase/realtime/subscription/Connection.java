package io.indobase.realtime.subscription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One client connection as the registry sees it: its project, the roles it holds, and its subscriptions
 * (subscription id to channels). Mutations go through the registry; deliveries read an immutable snapshot.
 */
public final class Connection {

    private final String id;
    private final String project;
    private final Set<String> roles;
    private final Recipient recipient;
    private final Map<String, Set<String>> subscriptions = new LinkedHashMap<>();
    private volatile Map<String, Set<String>> snapshot = Map.of();
    private volatile boolean closed;

    Connection(String id, String project, Set<String> roles, Recipient recipient) {
        this.id = Objects.requireNonNull(id);
        this.project = Objects.requireNonNull(project);
        this.roles = Set.copyOf(roles);
        this.recipient = Objects.requireNonNull(recipient);
    }

    public String id() {
        return id;
    }

    public String project() {
        return project;
    }

    public Set<String> roles() {
        return roles;
    }

    Recipient recipient() {
        return recipient;
    }

    boolean isClosed() {
        return closed;
    }

    /** The union of the channels of all subscriptions, in subscription order. */
    public Set<String> channels() {
        Set<String> all = new LinkedHashSet<>();
        snapshot.values().forEach(all::addAll);
        return all;
    }

    public Map<String, Set<String>> subscriptions() {
        return snapshot;
    }

    /** The ids of the subscriptions that name at least one of the event's channels, in subscription order. */
    List<String> matching(Collection<String> eventChannels) {
        List<String> ids = new ArrayList<>(1);
        for (Map.Entry<String, Set<String>> entry : snapshot.entrySet()) {
            for (String channel : eventChannels) {
                if (entry.getValue().contains(channel)) {
                    ids.add(entry.getKey());
                    break;
                }
            }
        }
        return ids;
    }

    // --- called by the registry while it holds this connection's monitor

    Set<String> put(String subscriptionId, Set<String> channels) {
        Set<String> before = channels();
        subscriptions.put(subscriptionId, Set.copyOf(channels));
        publish();
        return before;
    }

    Set<String> remove(String subscriptionId) {
        Set<String> before = channels();
        if (subscriptions.remove(subscriptionId) == null) {
            return null;
        }
        publish();
        return before;
    }

    Set<String> closeAll() {
        Set<String> before = channels();
        closed = true;
        subscriptions.clear();
        publish();
        return before;
    }

    private void publish() {
        Map<String, Set<String>> copy = new LinkedHashMap<>(subscriptions);
        snapshot = Collections.unmodifiableMap(copy);
    }
}
