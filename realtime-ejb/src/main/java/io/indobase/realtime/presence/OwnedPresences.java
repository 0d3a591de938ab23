package io.indobase.realtime.presence;

import static io.indobase.realtime.json.JsonKit.JSON;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The presences this node's open sockets upserted, with their current document and the sockets that hold them:
 * what the node renews, what it deletes when the last socket closes, what is alive whatever its lease says.
 * Thread-safe.
 */
final class OwnedPresences {

    record Key(String project, String id) {
    }

    private final Map<Key, JsonObject> owned = new ConcurrentHashMap<>();
    private final Map<String, Set<Key>> byConnection = new ConcurrentHashMap<>();

    void put(String connectionId, String project, JsonObject document) {
        Key key = new Key(project, document.getString("$id"));
        owned.put(key, document);
        byConnection.computeIfAbsent(connectionId, c -> ConcurrentHashMap.newKeySet()).add(key);
    }

    /** @return the presences the connection held that no other socket of this node holds now, to delete them */
    List<Presence> closed(String connectionId) {
        Set<Key> keys = byConnection.remove(connectionId);
        List<Presence> gone = new ArrayList<>();
        for (Key key : keys == null ? Set.<Key>of() : keys) {
            JsonObject document = owned.remove(key);
            if (document != null) { // else deleted already, through another socket of the user
                byConnection.values().forEach(others -> others.remove(key));
                gone.add(Presence.of(key.project(), document));
            }
        }
        return gone;
    }

    /** Whether the connection upserted a presence it still holds. */
    boolean owns(String connectionId) {
        return byConnection.containsKey(connectionId);
    }

    boolean holds(Presence presence) {
        return owned.containsKey(new Key(presence.project(), presence.id()));
    }

    /** Pushes each lease to {@code expiresAt}; @return the renewed presences */
    List<Presence> renew(String expiresAt) {
        List<Presence> renewed = new ArrayList<>();
        for (Map.Entry<Key, JsonObject> entry : owned.entrySet()) {
            JsonObject document = JSON.createObjectBuilder(entry.getValue()).add("expiresAt", expiresAt).build();
            if (owned.replace(entry.getKey(), entry.getValue(), document)) {
                renewed.add(Presence.of(entry.getKey().project(), document));
            }
        }
        return renewed;
    }

    /**
     * After an upsert from the topic, {@code kept} holds the id: this node keeps the newer document while its own user
     * holds it, and lets it go when another user claimed the id first.
     *
     * @return whether this node held the id for another user and gave it up
     */
    boolean keptBy(Presence kept) {
        Key key = new Key(kept.project(), kept.id());
        JsonObject mine = owned.get(key);
        if (mine == null) {
            return false;
        }
        if (String.valueOf(mine.get("userId")).equals(String.valueOf(kept.document().get("userId")))) {
            owned.replace(key, mine, kept.document());
            return false;
        }
        forget(key.project(), key.id());
        return true;
    }

    void forget(String project, String id) {
        Key key = new Key(project, id);
        owned.remove(key);
        byConnection.values().forEach(keys -> keys.remove(key));
    }
}
