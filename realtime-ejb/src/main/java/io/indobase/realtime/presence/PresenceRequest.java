package io.indobase.realtime.presence;

import jakarta.json.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * A client's {@code presence} message, its parameters validated as Appwrite validates them.
 *
 * @param status      1 to 2048 characters
 * @param presenceId  1 to 36 characters; {@code unique()} asks the server to mint one
 * @param metadata    any JSON value the client attached, or null when it sent none
 * @param permissions the permission strings, validated by {@link PresencePermissions#validate}, or null for none
 */
public record PresenceRequest(String status, String presenceId, JsonValue metadata, List<String> permissions) {

    public static final String UNIQUE = "unique()";

    public PresenceRequest {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(presenceId, "presenceId");
        permissions = permissions == null ? null : List.copyOf(permissions);
    }
}
