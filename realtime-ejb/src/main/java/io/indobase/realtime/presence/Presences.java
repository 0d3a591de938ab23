package io.indobase.realtime.presence;

import io.indobase.realtime.event.BrokerUnavailableException;
import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.event.EventReceived;
import io.indobase.realtime.event.TopicPublisher;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.subscription.Connection;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Presence as Appwrite 1.9 has it: a signed-in client upserts its user's one presence per project with the
 * {@code presence} message; readers get {@code presences.<id>.upsert}; when a socket that upserted a presence closes,
 * the presence is deleted and readers get {@code presences.<id>.delete}. The events travel through the topic like any
 * producer's, so every node delivers them to its own readers and keeps the cluster's presences for the HTTP list.
 *
 * <p>A node renews the presences of its open sockets every {@code realtime.presence.renew-ms} (pushing their
 * {@code expiresAt} {@code realtime.presence.ttl-ms} ahead), so the presences of a node that dies lapse on every other
 * node, which then tells its own readers with a delete event; renewals also teach a node that joined late, or missed
 * a message, the presences it did not know (announced to its readers as upserts).
 */
@ApplicationScoped
public class Presences {

    static final int RENEWAL_BATCH = 100;
    private static final Logger LOG = Logger.getLogger(Presences.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PresenceDirectory directory = new PresenceDirectory();
    private final OwnedPresences owned = new OwnedPresences();
    private final String node = newId();
    Clock clock = Clock.systemUTC();
    Consumer<EventReceived> localDelivery = event -> { };

    @Inject
    TopicPublisher publisher;

    @Inject
    Event<EventReceived> events;

    @Inject
    @ConfigProperty(name = "realtime.presence.ttl-ms")
    long ttlMillis;

    @Inject
    @ConfigProperty(name = "realtime.presence.sync-grace-ms")
    long syncGraceMillis;

    @Inject
    @ConfigProperty(name = "realtime.presence.sync-timeout-ms")
    long syncTimeoutMillis = 5_000;

    private volatile ClusterSync sync;

    @PostConstruct
    void init() {
        localDelivery = events::fire;
    }

    /** Created while the application starts, in its configuration context (see {@link TopicPublisher}). */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.log(Level.FINE, "RT-PRS-006 presence ready, leases of {0} ms", ttlMillis);
    }

    /**
     * Upserts the presence of the connection's user and publishes {@code presences.<id>.upsert}.
     *
     * @return the {@code response} frame for the sender
     * @throws PresenceException for a guest (401), a permission the user may not grant (401), a presence id that
     *                           belongs to another user (409), or a broker that cannot take the event (503)
     */
    public String upsert(Connection connection, PresenceRequest request) {
        if (connection.identity().isGuest()) {
            throw new PresenceException(PresenceException.UNAUTHORIZED, "User must be authorized");
        }
        if (!request.presenceId().equals(PresenceRequest.UNIQUE) && !sync().synced()
                && directory.get(connection.project(), request.presenceId()) == null) {
            awaitSync();
        }
        return upsertKnown(connection, request);
    }

    /** An id this node does not know may be another user's on a node it has not heard yet: hear the cluster first. */
    private void awaitSync() {
        requestSync();
        try {
            if (sync().await(syncTimeoutMillis)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new PresenceException(PresenceException.UNAVAILABLE, "This node is still learning the cluster's presences "
                + "(the event broker has not answered); try again.");
    }

    private synchronized String upsertKnown(Connection connection, PresenceRequest request) {
        Identity identity = connection.identity();
        String project = connection.project();
        String userId = identity.userId();
        List<String> permissions = PresencePermissions.resolve(request.permissions(), userId, identity.roles());
        Presence existing = directory.ofUser(project, userId);
        String id = existing != null ? existing.id() : request.presenceId();
        if (existing == null && id.equals(PresenceRequest.UNIQUE)) {
            id = newId();
        } else if (existing == null) {
            Presence other = directory.get(project, id);
            if (other != null && !userId.equals(other.userId())) {
                throw new PresenceException(PresenceException.CONFLICT, "Presence with the requested ID '" + id
                        + "' already exists. Try again with a different ID or use ID.unique() to generate a unique ID.");
            }
        }
        Instant now = clock.instant();
        JsonObject document = PresenceDocuments.of(id, userId, permissions, request, existing, now, ttlMillis);
        if (connection.isClosed()) {
            throw new PresenceException(PresenceException.UNAVAILABLE, "The connection is closing.");
        }
        publish(PresenceEvents.envelope(project, PresenceEvents.UPSERT, document, now));
        directory.upsert(Presence.of(project, document));
        owned.put(connection.id(), project, document);
        return PresenceEvents.response(document);
    }

    /** Whether {@link #closed} has work for a closed connection (a racing upsert saw it closed, under this monitor). */
    public synchronized boolean owns(Connection connection) {
        return owned.owns(connection.id());
    }

    /** Deletes the presences the connection upserted, for every socket of their user, as Appwrite does on close. */
    public synchronized void closed(Connection connection) {
        for (Presence gone : owned.closed(connection.id())) {
            try {
                publisher.publish(PresenceEvents.envelope(gone.project(), PresenceEvents.DELETE, gone.document(),
                        clock.instant()));
            } catch (RuntimeException e) {
                // also while the application stops and the publisher is gone: the other nodes let the presence lapse
                LOG.log(Level.WARNING, "RT-PRS-002 the delete of presence {0} of project {1} could not be published ({2});"
                        + " it lapses at its expiresAt", new Object[]{gone.id(), gone.project(), String.valueOf(e)});
            }
        }
    }

    /** The live presences of a project that a caller holding these roles may read, oldest first. */
    public List<JsonObject> readable(String project, Set<String> roles) {
        return directory.readable(project, roles, clock.instant(), owned::holds).stream().map(Presence::document).toList();
    }

    /**
     * Learns every presence event and renewal from the topic (or from this node's own announcements), before the
     * event is delivered (observers without a priority run after): a reader that got a delete, then lists, finds
     * the presence gone.
     */
    void onEvent(@Observes @Priority(Interceptor.Priority.APPLICATION) EventReceived received) {
        Envelope envelope = received.envelope();
        try {
            if (EventReceived.PRESENCE_PROJECT.equals(envelope.project())) {
                String asking = PresenceEvents.syncRequester(envelope.event());
                if (asking == null) {
                    renewed(envelope.payload());
                } else if (asking.equals(node)) {
                    sync().echoed();
                } else {
                    renewAll(clock.instant()); // a node joined: tell it every presence of this node now
                }
                return;
            }
            String action = received.isInternal() ? null : PresenceEvents.action(envelope.event());
            if (PresenceEvents.DELETE.equals(action)) {
                Presence gone = Presence.of(envelope.project(), envelope.payload());
                directory.delete(gone.project(), gone.id(), gone.updatedAt(), clock.instant().plusMillis(ttlMillis));
                owned.forget(gone.project(), gone.id());
            } else if (PresenceEvents.UPSERT.equals(action) || PresenceEvents.UPDATE.equals(action)) {
                // a producer's presence without expiresAt lapses like any other unless it is renewed
                Presence presence = Presence.of(envelope.project(), envelope.payload())
                        .lapsingAt(clock.instant().plusMillis(ttlMillis));
                Presence kept = directory.upsert(presence);
                if (kept != presence) {
                    LOG.log(Level.WARNING, "RT-PRS-007 ignored the upsert of presence {0} of project {1} by user {2}: "
                            + "user {3} claimed that id first", new Object[]{presence.id(), presence.project(),
                            presence.userId(), kept.userId()});
                }
                if (owned.keptBy(kept)) {
                    LOG.log(Level.WARNING, "RT-PRS-009 presence {0} of project {1} is withdrawn from this node: user {2} "
                            + "claimed that id first on another node", new Object[]{kept.id(), kept.project(), kept.userId()});
                }
            }
        } catch (RuntimeException e) {
            // never let a bad message stop the other observers of this event, such as its delivery to clients
            LOG.log(Level.WARNING, "RT-PRS-003 ignored a presence message that is not one ({0}): {1}",
                    new Object[]{envelope.event(), String.valueOf(e)});
        }
    }

    /**
     * Renews this node's presences on the topic, then removes the presences that have lapsed and tells this node's
     * readers. Called every {@code realtime.presence.renew-ms}.
     */
    public void renewAndExpire() {
        requestSync();
        Instant now = clock.instant();
        renewAll(now);
        // a presence of an open socket of this node is alive whatever its lease says (renewals may fail meanwhile)
        for (Presence lapsed : directory.expire(now, owned::holds)) {
            localDelivery.accept(PresenceEvents.local(lapsed, PresenceEvents.DELETE, now));
        }
    }

    /** Renews every presence of this node's sockets on the topic, in batches, pushing their lease ahead. */
    private void renewAll(Instant now) {
        List<Presence> renewed = owned.renew(Presence.format(now.plusMillis(ttlMillis)));
        for (int from = 0; from < renewed.size(); from += RENEWAL_BATCH) {
            renew(renewed.subList(from, Math.min(renewed.size(), from + RENEWAL_BATCH)), now);
        }
    }

    /** Until this node has heard the cluster (see {@link ClusterSync}), asks the other nodes for their presences. */
    private void requestSync() {
        if (sync().shouldRequest()) {
            try {
                publisher.publish(PresenceEvents.syncRequest(node, clock.instant()));
            } catch (BrokerUnavailableException e) {
                LOG.log(Level.FINE, "RT-PRS-008 the presence sync request could not be published: {0}", e.getMessage());
            }
        }
    }

    private ClusterSync sync() {
        ClusterSync s = sync;
        if (s == null) {
            synchronized (this) {
                if (sync == null) {
                    sync = new ClusterSync(syncGraceMillis);
                }
                s = sync;
            }
        }
        return s;
    }

    /** The number of presences this node knows, cluster-wide. */
    public int size() {
        return directory.size();
    }

    private void renew(List<Presence> batch, Instant now) {
        try {
            publisher.publish(PresenceEvents.renewal(node, batch, now));
        } catch (BrokerUnavailableException e) {
            LOG.log(Level.WARNING, "RT-PRS-004 {0} presences could not be renewed on the broker: {1}",
                    new Object[]{batch.size(), e.getMessage()});
        }
    }

    private void renewed(JsonObject payload) {
        Instant now = clock.instant();
        for (JsonValue item : payload.getJsonArray("presences")) {
            JsonObject renewal = item.asJsonObject();
            Presence presence = Presence.of(renewal.getString("project"), renewal.getJsonObject("presence"));
            if (directory.renew(presence) == PresenceDirectory.Renewal.ADDED) {
                localDelivery.accept(PresenceEvents.local(presence, PresenceEvents.UPSERT, now));
            }
        }
    }

    private void publish(JsonObject envelope) {
        try {
            publisher.publish(envelope);
        } catch (BrokerUnavailableException e) {
            LOG.log(Level.WARNING, "RT-PRS-001 a presence event could not be published: {0}", e.getMessage());
            throw new PresenceException(PresenceException.UNAVAILABLE,
                    "The presence could not be published: the event broker is unreachable. Try again.");
        }
    }

    private static String newId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
