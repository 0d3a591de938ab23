package io.indobase.realtime.presence;

import static io.indobase.realtime.json.JsonKit.JSON;

import io.indobase.realtime.frame.EventFrame;
import io.indobase.realtime.permission.Permissions;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One presence as every node knows it: the document (Appwrite's presence model: {@code $id}, {@code $createdAt},
 * {@code $updatedAt}, {@code $permissions}, {@code userId}, {@code status}, {@code source}, {@code expiresAt},
 * {@code metadata}) and what is read from it.
 *
 * @param project   the project it belongs to
 * @param document  the presence document, as events carry it
 * @param readRoles the roles its {@code read} permissions grant
 * @param updatedAt its {@code $updatedAt}, to tell newer versions from older ones
 * @param expiresAt when it lapses unless renewed; null for never
 */
public record Presence(String project, JsonObject document, Set<String> readRoles, Instant updatedAt, Instant expiresAt) {

    public Presence {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(document, "document");
        readRoles = Set.copyOf(readRoles);
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * Reads a presence document as an event carries it.
     *
     * @throws IllegalArgumentException when it has no {@code $id} or its permissions are not permissions
     */
    public static Presence of(String project, JsonObject document) {
        JsonValue id = document.get("$id");
        if (!(id instanceof JsonString) || ((JsonString) id).getString().isEmpty()) {
            throw new IllegalArgumentException("a presence needs a string $id");
        }
        JsonValue permissions = document.getOrDefault("$permissions", JsonValue.EMPTY_JSON_ARRAY);
        if (permissions.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("$permissions must be an array of permission strings");
        }
        List<String> strings = permissions.asJsonArray().stream()
                .map(v -> v instanceof JsonString s ? s.getString() : String.valueOf(v)).toList();
        Instant updatedAt = instant(document, "$updatedAt");
        return new Presence(project, document, Permissions.readRoles(strings),
                updatedAt == null ? Instant.EPOCH : updatedAt, instant(document, "expiresAt"));
    }

    public String id() {
        return document.getString("$id");
    }

    /** The user it belongs to, or null when a producer published one without. */
    public String userId() {
        JsonValue user = document.get("userId");
        return user instanceof JsonString s ? s.getString() : null;
    }

    /** When its user claimed the id ({@code $createdAt}; else its {@code $updatedAt}): the first claim wins a conflict. */
    Instant claimedAt() {
        Instant created = instant(document, "$createdAt");
        return created != null ? created : updatedAt;
    }

    /**
     * Whether this presence keeps its id against another user's claim of it: the earlier claim wins, the smaller user
     * id on a tie, so every node decides the same whatever order the claims reach it in.
     */
    boolean claimsBefore(Presence other) {
        int order = claimedAt().compareTo(other.claimedAt());
        return order < 0 || order == 0 && String.valueOf(userId()).compareTo(String.valueOf(other.userId())) <= 0;
    }

    /** This presence lapsing at {@code expiry} when it names no {@code expiresAt} (one a producer published without). */
    Presence lapsingAt(Instant expiry) {
        if (expiresAt != null) {
            return this;
        }
        return new Presence(project, JSON.createObjectBuilder(document).add("expiresAt", format(expiry)).build(),
                readRoles, updatedAt, expiry);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    static String format(Instant instant) {
        return EventFrame.TIMESTAMP.format(instant);
    }

    private static Instant instant(JsonObject document, String key) {
        JsonValue value = document.get(key);
        if (!(value instanceof JsonString s)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.getString()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
