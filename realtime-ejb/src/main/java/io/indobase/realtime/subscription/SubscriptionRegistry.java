package io.indobase.realtime.subscription;

import io.indobase.realtime.channel.AccountChannels;
import io.indobase.realtime.channel.EventChannels;
import io.indobase.realtime.channel.EventNames;
import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.frame.EventFrame;
import io.indobase.realtime.permission.Access;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.permission.Role;
import io.indobase.realtime.replay.Recorded;
import io.indobase.realtime.replay.ReplayWindow;
import io.indobase.realtime.replay.Resumption;
import io.indobase.realtime.stats.RealtimeStats;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The node's subscriptions, indexed by (project, channel, role). For each event it picks the connections subscribed
 * to one of the event's channels under a role that may read it, with queries the payload passes, groups them by
 * their matched subscription ids, encodes one frame per group and hands it to each recipient. A failing recipient is
 * logged and skipped; the others still receive.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // nothing here is transactional; an exception must not mark the caller's
public class SubscriptionRegistry {

    private static final Logger LOG = Logger.getLogger(SubscriptionRegistry.class.getName());

    private final ChannelIndex index = new ChannelIndex();
    private final ConnectionTable table = new ConnectionTable();

    @Inject
    RealtimeStats stats = new RealtimeStats();

    @Inject
    ReplayWindow window = new ReplayWindow();

    private MatchFailures failures;
    private volatile FanOut fanOut = FanOut.NONE;

    /** Deliveries and resumptions happen one at a time, so a resuming connection misses nothing and gets nothing twice. */
    private final Object order = new Object();

    public Connection open(String project, Identity identity, Recipient recipient) {
        // a name for the admin API, not a secret: no SecureRandom (its lock queued concurrent handshakes)
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Connection connection = new Connection(new UUID(random.nextLong(), random.nextLong()).toString(), project, identity,
                recipient);
        table.add(connection);
        return connection;
    }

    /**
     * Creates the subscription or replaces its channels and queries (an upsert by id). Account channels are
     * converted for the connection's user first.
     *
     * @return the channels the subscription listens to
     */
    public Set<String> subscribe(Connection connection, String subscriptionId, Collection<String> channels,
                                 List<String> queries) {
        synchronized (connection) {
            List<String> converted = AccountChannels.convert(channels, connection.identity().userId());
            Subscription subscription = new Subscription(new LinkedHashSet<>(converted), queries);
            if (!connection.isClosed()) {
                Set<String> before = connection.channels();
                connection.put(subscriptionId, subscription);
                reindex(connection, before, connection.channels());
            }
            return new LinkedHashSet<>(converted);
        }
    }

    /** @return whether the connection had that subscription */
    public boolean unsubscribe(Connection connection, String subscriptionId) {
        synchronized (connection) {
            Set<String> before = connection.channels();
            if (!connection.remove(subscriptionId)) {
                return false;
            }
            reindex(connection, before, connection.channels());
            return true;
        }
    }

    /**
     * Gives a connection a new identity: its roles are recomputed and the account channels of every subscription
     * are rebound to the new user. No later delivery sees the old roles.
     */
    public void identify(Connection connection, Identity identity) {
        identify(connection, identity, connection.session());
    }

    /**
     * As {@link #identify(Connection, Identity)}, recording the session the credential belongs to, so revoking that
     * session closes the connection.
     */
    public void identify(Connection connection, Identity identity, String session) {
        synchronized (connection) {
            connection.session(session);
            if (connection.isClosed()) {
                return;
            }
            Set<String> before = connection.channels();
            Set<String> oldRoles = connection.roles();
            String oldUser = connection.identity().userId();
            Map<String, Subscription> rebound = new LinkedHashMap<>();
            connection.subscriptions().forEach((id, s) -> rebound.put(id, new Subscription(
                    new LinkedHashSet<>(AccountChannels.rebind(s.channels(), oldUser, identity.userId())), s.queries())));
            Set<String> after = Connection.channelsOf(rebound);
            index.add(connection, after, identity.roles());
            connection.identify(identity);
            rebound.forEach(connection::put);
            index.removeRoles(connection, before, minus(oldRoles, connection.roles()));
            index.remove(connection, minus(before, after));
        }
    }

    /**
     * Live role refresh: applies {@code change} to the connection's identity, atomically with any sign-in on the same
     * connection, and only while the connection still belongs to {@code userId} (any user, when null).
     */
    public void update(Connection connection, String userId, UnaryOperator<Identity> change) {
        synchronized (connection) {
            Identity current = connection.identity();
            if (current.userId() == null || userId != null && !userId.equals(current.userId())) {
                return;
            }
            Identity changed = change.apply(current);
            if (!changed.equals(current)) {
                identify(connection, changed, connection.session());
            }
        }
    }

    public void close(Connection connection) {
        synchronized (connection) {
            Set<String> before = connection.channels();
            connection.closeAll();
            index.remove(connection, before);
        }
        table.remove(connection);
    }

    /** Who is told when an event's frames are handed out (the transport's writers); one at a time. */
    public void fanOut(FanOut listener) {
        fanOut = listener == null ? FanOut.NONE : listener;
    }

    /** The open connections, as operators and metrics see them. */
    public ConnectionTable table() {
        return table;
    }

    /** The number of (project, channel) index entries: zero when nobody listens. */
    int indexedChannels() {
        return index.size();
    }

    public int deliver(Envelope envelope) {
        return deliver(null, envelope);
    }

    /**
     * Records the event in the replay window and hands it to every connection that may have it; an id already in the
     * window (a redelivery) is not delivered again. {@code id} null: one known to this node only. @return recipients
     */
    public int deliver(String id, Envelope envelope) {
        synchronized (order) {
            return deliverInOrder(id == null ? window.localId() : id, envelope);
        }
    }

    /**
     * Runs {@code register} (new subscriptions), then {@code answer} with what the connection missed since
     * {@code lastEventId}, under the delivery lock: every later event reaches it once, by replay or live.
     */
    public void resume(Connection connection, String lastEventId, int maxFrames, long maxChars, Runnable register,
                       Consumer<Resumption> answer) {
        synchronized (order) {
            register.run();
            answer.accept(Replays.of(connection, lastEventId, window.after(lastEventId), maxFrames, maxChars, stats,
                    failures()));
        }
    }

    private int deliverInOrder(String id, Envelope envelope) {
        List<String> events = EventNames.expand(envelope.event());
        List<String> channels = EventChannels.of(events.get(0), envelope.project());
        if (channels.isEmpty()) {
            stats.dropped(RealtimeStats.Drop.UNROUTABLE, 1);
            return 0;
        }
        EventFrame frame = new EventFrame(id, envelope, events, channels);
        if (!window.append(new Recorded(id, envelope.project(), envelope.readRoles(), channels, frame, window.now()))) {
            stats.dropped(RealtimeStats.Drop.DUPLICATE, 1);
            return 0;
        }
        Set<String> readRoles = envelope.readRoles();
        Set<Connection> candidates = index.candidates(envelope.project(), channels, readRoles, readRoles.contains(Role.ANY));
        // recipients with the same subscription ids share one frame (those of a general match; the others share the head)
        Map<List<String>, String> texts = new HashMap<>();
        int matched = 0;
        int delivered = 0;
        FanOut told = fanOut;
        told.begin();
        try {
            for (Connection connection : candidates) {
                // the index may be a moment behind a role change or a close: the connection's own snapshot decides
                if (connection.isClosed() || !Access.mayRead(connection.roles(), readRoles)) {
                    continue;
                }
                Connection.Single single = connection.single();
                if (single != null) {
                    if (!single.listens(channels)) {
                        continue;
                    }
                    matched++;
                    delivered += hand(connection, frame, single.tail(), null) ? 1 : 0;
                    continue;
                }
                List<String> ids = connection.matching(channels, envelope.payload(), id, failures());
                if (!ids.isEmpty()) {
                    matched++;
                    delivered += hand(connection, null, null, texts.computeIfAbsent(ids, frame::withSubscriptions)) ? 1 : 0;
                }
            }
        } finally {
            told.end();
        }
        if (matched == 0) {
            stats.eventUnmatched();
            return 0;
        }
        if (delivered > 0) {
            stats.eventDelivered(delivered, System.currentTimeMillis() - envelope.timestamp().toEpochMilli());
        }
        return delivered;
    }

    /** Made on first use: the injected counters are there by then, in the container and in tests. */
    private MatchFailures failures() {
        MatchFailures f = failures;
        if (f == null) {
            f = new MatchFailures(stats);
            failures = f;
        }
        return f;
    }

    /** Hands a whole frame, or an event frame's head and the connection's tail; a failing recipient is skipped. */
    private boolean hand(Connection connection, EventFrame head, String tail, String frame) {
        try {
            if (frame != null) {
                connection.recipient().send(frame);
            } else {
                connection.recipient().send(head, tail);
            }
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "RT-SUB-001 recipient of connection " + connection.id() + " failed; skipped", e);
            stats.dropped(RealtimeStats.Drop.RECIPIENT_FAILED, 1);
            return false;
        }
    }

    private void reindex(Connection connection, Set<String> before, Set<String> after) {
        index.add(connection, minus(after, before), connection.roles());
        index.remove(connection, minus(before, after));
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> difference = new LinkedHashSet<>(a);
        difference.removeAll(b);
        return difference;
    }
}
