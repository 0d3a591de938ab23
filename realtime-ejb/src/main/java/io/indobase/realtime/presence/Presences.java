package io.indobase.realtime.presence;

import static io.indobase.realtime.json.JsonKit.JSON;

import io.indobase.realtime.event.BrokerUnavailableException;
import io.indobase.realtime.event.Envelope;
import io.indobase.realtime.event.EventReceived;
import io.indobase.realtime.event.TopicPublisher;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.subscription.Connection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    private record Key(String project, String id) {
    }

    private final PresenceDirectory directory = new PresenceDirectory();
    /** The presences this node's open sockets upserted, with their current document. */
    private final Map<Key, JsonObject> owned = new ConcurrentHashMap<>();
    private final Map<String, Set<Key>> byConnection = new ConcurrentHashMap<>();
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
    public synchronized String upsert(Connection connection, PresenceRequest request) {
        Identity identity = connection.identity();
        if (identity.isGuest()) {
            throw new PresenceException(PresenceException.UNAUTHORIZED, "User must be authorized");
        }
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
        JsonValue metadata = request.metadata() != null ? request.metadata()
                : existing != null ? existing.document().getOrDefault("metadata", JsonValue.NULL) : JsonValue.NULL;
        JsonObject document = JSON.createObjectBuilder()
                .add("$id", id)
                .add("$createdAt", existing != null ? existing.document().getString("$createdAt") : Presence.format(now))
                .add("$updatedAt", Presence.format(now))
                .add("$permissions", JSON.createArrayBuilder(permissions))
                .add("userId", userId)
                .add("status", request.status())
                .add("source", "realtime")
                .add("expiresAt", Presence.format(now.plusMillis(ttlMillis)))
                .add("metadata", metadata)
                .build();
        if (connection.isClosed()) {
            throw new PresenceException(PresenceException.UNAVAILABLE, "The connection is closing.");
        }
        publish(PresenceEvents.envelope(project, PresenceEvents.UPSERT, document, now));
        Key key = new Key(project, id);
        directory.upsert(Presence.of(project, document));
        owned.put(key, document);
        byConnection.computeIfAbsent(connection.id(), c -> ConcurrentHashMap.newKeySet()).add(key);
        return PresenceEvents.response(document);
    }

    /** Deletes the presences the connection upserted, for every socket of their user, as Appwrite does on close. */
    public synchronized void closed(Connection connection) {
        Set<Key> keys = byConnection.remove(connection.id());
        if (keys == null) {
            return;
        }
        for (Key key : keys) {
            JsonObject document = owned.remove(key);
            if (document == null) {
                continue; // deleted already, through another socket of the user
            }
            byConnection.values().forEach(others -> others.remove(key));
            try {
                publisher.publish(PresenceEvents.envelope(key.project(), PresenceEvents.DELETE, document, clock.instant()));
            } catch (RuntimeException e) {
                // also while the application stops and the publisher is gone: the other nodes let the presence lapse
                LOG.log(Level.WARNING, "RT-PRS-002 the delete of presence {0} of project {1} could not be published ({2});"
                        + " it lapses at its expiresAt", new Object[]{key.id(), key.project(), String.valueOf(e)});
            }
        }
    }

    /** The live presences of a project that a caller holding these roles may read, oldest first. */
    public List<JsonObject> readable(String project, Set<String> roles) {
        return directory.readable(project, roles, clock.instant(), this::ownedHere).stream().map(Presence::document).toList();
    }

    /** Learns every presence event and renewal from the topic (or from this node's own announcements). */
    void onEvent(@Observes EventReceived received) {
        Envelope envelope = received.envelope();
        try {
            if (EventReceived.PRESENCE_PROJECT.equals(envelope.project())) {
                renewed(envelope.payload());
                return;
            }
            String action = received.isInternal() ? null : PresenceEvents.action(envelope.event());
            if (PresenceEvents.DELETE.equals(action)) {
                Presence gone = Presence.of(envelope.project(), envelope.payload());
                directory.delete(gone.project(), gone.id(), gone.updatedAt(), clock.instant().plusMillis(ttlMillis));
                forget(new Key(gone.project(), gone.id()));
            } else if (PresenceEvents.UPSERT.equals(action) || PresenceEvents.UPDATE.equals(action)) {
                Presence presence = Presence.of(envelope.project(), envelope.payload());
                directory.upsert(presence);
                owned.computeIfPresent(new Key(presence.project(), presence.id()), (k, old) -> presence.document());
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
        Instant now = clock.instant();
        String expiresAt = Presence.format(now.plusMillis(ttlMillis));
        List<Presence> batch = new ArrayList<>();
        for (Map.Entry<Key, JsonObject> entry : owned.entrySet()) {
            JsonObject renewed = JSON.createObjectBuilder(entry.getValue()).add("expiresAt", expiresAt).build();
            if (owned.replace(entry.getKey(), entry.getValue(), renewed)) {
                batch.add(Presence.of(entry.getKey().project(), renewed));
            }
            if (batch.size() == RENEWAL_BATCH) {
                renew(batch, now);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            renew(batch, now);
        }
        // a presence of an open socket of this node is alive whatever its lease says (renewals may fail meanwhile)
        for (Presence lapsed : directory.expire(now, this::ownedHere)) {
            localDelivery.accept(PresenceEvents.local(lapsed, PresenceEvents.DELETE, now));
        }
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

    private boolean ownedHere(Presence presence) {
        return owned.containsKey(new Key(presence.project(), presence.id()));
    }

    private void forget(Key key) {
        owned.remove(key);
        byConnection.values().forEach(keys -> keys.remove(key));
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
