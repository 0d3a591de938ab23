package io.indobase.realtime.subscription;

import io.indobase.realtime.frame.EventFrame;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.query.Filter;
import jakarta.json.JsonObject;
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
 * One client connection as the registry sees it: its project, who it is (and so its roles), and its subscriptions.
 * Mutations go through the registry under this object's monitor; deliveries read immutable snapshots.
 */
public final class Connection {

    private final String id;
    private final String project;
    private final Recipient recipient;
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private volatile Map<String, Subscription> snapshot = Map.of();
    private volatile Single single;
    private volatile Identity identity;
    private volatile Set<String> roles;
    private volatile boolean closed;
    private volatile String session;

    Connection(String id, String project, Identity identity, Recipient recipient) {
        this.id = Objects.requireNonNull(id);
        this.project = Objects.requireNonNull(project);
        this.recipient = Objects.requireNonNull(recipient);
        identify(identity);
    }

    public String id() {
        return id;
    }

    public String project() {
        return project;
    }

    public Identity identity() {
        return identity;
    }

    public Set<String> roles() {
        return roles;
    }

    /** The session the connection's credential belongs to, or null. */
    public String session() {
        return session;
    }

    void session(String newSession) {
        this.session = newSession;
    }

    Recipient recipient() {
        return recipient;
    }

    public boolean isClosed() {
        return closed;
    }

    /** The union of the channels of all subscriptions, in subscription order. */
    public Set<String> channels() {
        return channelsOf(snapshot);
    }

    public Map<String, Subscription> subscriptions() {
        return snapshot;
    }

    /**
     * The ids of the subscriptions that name at least one of the event's channels and whose queries the payload
     * passes, in subscription order. A subscription whose queries fail on this payload is skipped and reported;
     * the others still match.
     */
    List<String> matching(Collection<String> eventChannels, JsonObject payload, String eventId, MatchFailures failures) {
        List<String> ids = new ArrayList<>(1);
        for (Map.Entry<String, Subscription> entry : snapshot.entrySet()) {
            Set<String> channels = entry.getValue().channels();
            for (String channel : eventChannels) {
                if (channels.contains(channel)) {
                    if (passes(entry, payload, eventId, failures)) {
                        ids.add(entry.getKey());
                    }
                    break;
                }
            }
        }
        return ids;
    }

    private boolean passes(Map.Entry<String, Subscription> entry, JsonObject payload, String eventId,
                           MatchFailures failures) {
        try {
            return entry.getValue().filter().matches(payload);
        } catch (RuntimeException e) {
            failures.failed(this, entry.getKey(), eventId, e);
            return false;
        }
    }

    /**
     * The connection's only subscription, when it has exactly one and no query: then an event found for it through
     * the index matches it if it names one of the event's channels, and its frame ends with {@code tail}. Null
     * otherwise. Most connections are like this; their deliveries skip the general matching and the frame building.
     */
    Single single() {
        return single;
    }

    /** @param tail the end of an event frame for this connection: its subscription id, then the closing braces */
    record Single(String id, Set<String> channels, String tail) {

        boolean listens(List<String> eventChannels) {
            for (int i = 0; i < eventChannels.size(); i++) {
                if (channels.contains(eventChannels.get(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Whether a subscription names one of the event's channels, queries aside. */
    boolean listens(Collection<String> eventChannels) {
        for (Subscription subscription : snapshot.values()) {
            for (String channel : eventChannels) {
                if (subscription.channels().contains(channel)) {
                    return true;
                }
            }
        }
        return false;
    }

    // --- called by the registry while it holds this connection's monitor

    void identify(Identity newIdentity) {
        this.identity = Objects.requireNonNull(newIdentity);
        this.roles = newIdentity.roles();
    }

    void put(String subscriptionId, Subscription subscription) {
        subscriptions.put(subscriptionId, subscription);
        publish();
    }

    boolean remove(String subscriptionId) {
        if (subscriptions.remove(subscriptionId) == null) {
            return false;
        }
        publish();
        return true;
    }

    void closeAll() {
        closed = true;
        subscriptions.clear();
        publish();
    }

    private void publish() {
        snapshot = Collections.unmodifiableMap(new LinkedHashMap<>(subscriptions));
        Map.Entry<String, Subscription> only = subscriptions.size() == 1 ? subscriptions.entrySet().iterator().next() : null;
        single = only == null || only.getValue().filter() != Filter.ALL ? null
                : new Single(only.getKey(), only.getValue().channels(), EventFrame.tail(List.of(only.getKey())));
    }

    static Set<String> channelsOf(Map<String, Subscription> subscriptions) {
        Set<String> all = new LinkedHashSet<>();
        subscriptions.values().forEach(s -> all.addAll(s.channels()));
        return all;
    }
}
