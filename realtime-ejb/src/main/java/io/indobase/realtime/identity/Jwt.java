package io.indobase.realtime.identity;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The claims of a verified token and its caller, the value of the configured caller claim ({@code sub} by default:
 * the issuer's stable id of the user, never a name the user may choose or change). The groups are the
 * {@code groups} array, the session {@code sid} or, as in Appwrite's own JWTs, {@code sessionId}.
 */
public record Jwt(JsonObject claims, String caller) {

    public Jwt {
        if (caller == null || caller.isBlank()) {
            throw new InvalidCredentialException("no caller");
        }
    }

    public List<String> groups() {
        JsonValue groups = claims.get("groups");
        List<String> names = new ArrayList<>();
        if (groups != null && groups.getValueType() == JsonValue.ValueType.ARRAY) {
            groups.asJsonArray().forEach(g -> {
                if (g instanceof JsonString s) {
                    names.add(s.getString());
                }
            });
        }
        return names;
    }

    /** The session the token was issued for ({@code sid} or Appwrite's {@code sessionId}), or null. */
    public String sessionId() {
        String sid = claims.getString("sid", null);
        return sid != null ? sid : claims.getString("sessionId", null);
    }

    public Instant expiresAt() {
        return Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue());
    }

    /** When the token was issued ({@code iat}), or null when it does not say. */
    public Instant issuedAt() {
        JsonValue iat = claims.get("iat");
        return iat instanceof JsonNumber n ? Instant.ofEpochSecond(n.longValue()) : null;
    }
}
