package io.indobase.realtime.presence;

import static io.indobase.realtime.json.JsonKit.JSON;

import io.indobase.realtime.permission.Access;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The presences of the whole cluster as this node has learnt them from the topic: upserts add or replace, deletes
 * remove (and leave a tombstone, so a renewal still in flight cannot bring a deleted presence back), renewals extend
 * the lease of what is known and add what this node had missed; a presence whose {@code expiresAt} has passed is
 * gone. One presence per user and project, as in Appwrite. Thread-safe.
 */
final class PresenceDirectory {

    /** What a renewal did. */
    enum Renewal { EXTENDED, ADDED, IGNORED }

    private record Key(String project, String id) {
    }

    private record Tombstone(Instant deletedVersion, Instant until) {
    }

    private final Map<Key, Presence> presences = new HashMap<>();
    private final Map<Key, String> byUser = new HashMap<>();
    private final Map<Key, Tombstone> tombstones = new HashMap<>();

    synchronized Presence get(String project, String id) {
        return presences.get(new Key(project, id));
    }

    synchronized Presence ofUser(String project, String userId) {
        String id = byUser.get(new Key(project, userId));
        return id == null ? null : presences.get(new Key(project, id));
    }

    /**
     * An upsert is the newest word on its presence, unless the id belongs to another user who claimed it first.
     *
     * @return the presence that keeps the id: {@code presence}, or the other user's that it conflicts with
     */
    synchronized Presence upsert(Presence presence) {
        Key key = new Key(presence.project(), presence.id());
        Presence known = presences.get(key);
        if (conflicts(known, presence) && known.claimsBefore(presence)) {
            return known;
        }
        tombstones.remove(key);
        put(key, presence);
        return presence;
    }

    private static boolean conflicts(Presence known, Presence presence) {
        return known != null && known.userId() != null && presence.userId() != null
                && !known.userId().equals(presence.userId());
    }

    /** @return the presence that was removed, or null */
    synchronized Presence delete(String project, String id, Instant deletedVersion, Instant tombstoneUntil) {
        Key key = new Key(project, id);
        tombstones.put(key, new Tombstone(deletedVersion, tombstoneUntil));
        return remove(key);
    }

    synchronized Renewal renew(Presence presence) {
        Key key = new Key(presence.project(), presence.id());
        Tombstone tombstone = tombstones.get(key);
        if (tombstone != null && !presence.updatedAt().isAfter(tombstone.deletedVersion())) {
            return Renewal.IGNORED;
        }
        Presence known = presences.get(key);
        if (conflicts(known, presence) && known.claimsBefore(presence)) {
            return Renewal.IGNORED;
        }
        if (known == null || conflicts(known, presence) || presence.updatedAt().isAfter(known.updatedAt())) {
            tombstones.remove(key);
            put(key, presence);
            return Renewal.ADDED;
        }
        if (presence.expiresAt() != null && known.expiresAt() != null && presence.expiresAt().isAfter(known.expiresAt())) {
            put(key, new Presence(known.project(), JSON.createObjectBuilder(known.document())
                    .add("expiresAt", presence.document().get("expiresAt")).build(),
                    known.readRoles(), known.updatedAt(), presence.expiresAt()));
        }
        return Renewal.EXTENDED;
    }

    /**
     * Removes what has expired, except what {@code alive} vouches for, and tombstones past their time.
     *
     * @return the presences that expired
     */
    synchronized List<Presence> expire(Instant now, Predicate<Presence> alive) {
        List<Presence> expired = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Presence>> it = presences.entrySet().iterator(); it.hasNext(); ) {
            Presence presence = it.next().getValue();
            if (presence.expiredAt(now) && !alive.test(presence)) {
                it.remove();
                unindex(presence);
                expired.add(presence);
            }
        }
        tombstones.values().removeIf(t -> t.until().isBefore(now));
        return expired;
    }

    /** The live presences (unexpired or vouched for by {@code alive}) of a project that roles may read, oldest first. */
    synchronized List<Presence> readable(String project, Set<String> roles, Instant now, Predicate<Presence> alive) {
        List<Presence> readable = new ArrayList<>();
        for (Presence presence : presences.values()) {
            if (presence.project().equals(project) && (!presence.expiredAt(now) || alive.test(presence))
                    && Access.mayRead(roles, presence.readRoles())) {
                readable.add(presence);
            }
        }
        readable.sort(Comparator.comparing((Presence p) -> p.document().getString("$createdAt", ""))
                .thenComparing(Presence::id));
        return readable;
    }

    synchronized int size() {
        return presences.size();
    }

    private void put(Key key, Presence presence) {
        Presence previous = presences.put(key, presence);
        if (previous != null) {
            unindex(previous);
        }
        if (presence.userId() != null) {
            byUser.put(new Key(presence.project(), presence.userId()), presence.id());
        }
    }

    private Presence remove(Key key) {
        Presence removed = presences.remove(key);
        if (removed != null) {
            unindex(removed);
        }
        return removed;
    }

    private void unindex(Presence presence) {
        if (presence.userId() != null) {
            byUser.remove(new Key(presence.project(), presence.userId()), presence.id());
        }
    }
}
