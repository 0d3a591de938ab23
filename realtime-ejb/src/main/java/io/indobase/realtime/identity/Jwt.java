package io.indobase.realtime.identity;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The claims of a verified token, read as MicroProfile JWT names them: the caller is {@code upn}, else
 * {@code preferred_username}, else {@code sub}; the groups are the {@code groups} array. Appwrite's own JWTs name the
 * user {@code userId} and the session {@code sessionId}; both are understood too.
 */
public record Jwt(JsonObject claims) {

    public String caller() {
        for (String name : List.of("upn", "preferred_username", "sub", "userId")) {
            String value = claims.getString(name, null);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new InvalidCredentialException("no upn, preferred_username, sub or userId claim");
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
