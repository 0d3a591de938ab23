package io.indobase.realtime.presence;

import static io.indobase.realtime.json.JsonKit.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;

/** The presence document of an upsert, as Appwrite 1.9 returns and publishes it. */
final class PresenceDocuments {

    private PresenceDocuments() {
    }

    /**
     * @param existing the user's presence this upsert replaces (its creation time and, without new metadata, its
     *                 metadata are kept), or null
     */
    static JsonObject of(String id, String userId, List<String> permissions, PresenceRequest request, Presence existing,
            Instant now, long ttlMillis) {
        JsonValue metadata = request.metadata() != null ? request.metadata()
                : existing != null ? existing.document().getOrDefault("metadata", JsonValue.NULL) : JsonValue.NULL;
        return JSON.createObjectBuilder()
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
    }
}
