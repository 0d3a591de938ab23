package io.indobase.realtime.transport;

import io.indobase.realtime.identity.Account;
import io.indobase.realtime.identity.ApiKey;
import io.indobase.realtime.identity.ApiKeyStore;
import io.indobase.realtime.identity.GroupRoles;
import io.indobase.realtime.identity.InvalidCredentialException;
import io.indobase.realtime.identity.SessionVerifier;
import io.indobase.realtime.permission.Identity;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Who a socket is when it opens, from the first credential the handshake carries: an API key header
 * ({@code X-Indobase-Key}, beyond Appwrite), a JWT ({@code X-Appwrite-JWT} header or {@code jwt} parameter, as
 * Appwrite), the caller the container authenticated (realm BASIC, bearer token…), else a guest. A credential that is
 * present but refused closes the socket: Appwrite's error 401, then close 1008.
 */
final class SessionCredentials {

    static final String KEY_HEADER = "x-indobase-key";

    /** The identity a socket opens with, the account model for {@code connected.user}, and the credential's life. */
    record Resolved(Identity identity, JsonValue user, Instant expiresAt, String session) {
        static final Resolved GUEST = new Resolved(Identity.GUEST, JsonValue.NULL, null, null);
    }

    private final SessionVerifier verifier;
    private final ApiKeyStore keys;
    private final GroupRoles roles;

    SessionCredentials(SessionVerifier verifier, ApiKeyStore keys, GroupRoles roles) {
        this.verifier = verifier;
        this.keys = keys;
        this.roles = roles;
    }

    SessionVerifier verifier() {
        return verifier;
    }

    Resolved resolve(String project, Handshake handshake, Map<String, List<String>> parameters) {
        String key = handshake.header(KEY_HEADER);
        if (key != null) {
            try {
                ApiKey apiKey = keys.verify(key, ApiKey.SUBSCRIBE, project);
                return new Resolved(Identity.apiKey(apiKey.name()), JsonValue.NULL, null, null);
            } catch (InvalidCredentialException e) {
                throw refused("Invalid API key: " + e.getMessage());
            }
        }
        String jwt = handshake.header("x-appwrite-jwt");
        if (jwt == null) {
            List<String> values = parameters.get("jwt");
            jwt = values == null || values.isEmpty() ? null : values.get(0);
        }
        if (jwt != null) {
            try {
                Account account = verifier.verify(project, jwt);
                return new Resolved(account.identity(), account.model(), account.expiresAt(), account.sessionId());
            } catch (InvalidCredentialException e) {
                throw refused("Failed to verify JWT. " + e.getMessage());
            }
        }
        if (handshake.caller() != null) {
            Identity identity = roles.identity(handshake.caller(), handshake.groups());
            JsonValue user = Json.createObjectBuilder().add("$id", handshake.caller())
                    .add("labels", Json.createArrayBuilder(identity.labels())).build();
            return new Resolved(identity, user, handshake.expiresAt(), handshake.session());
        }
        return Resolved.GUEST;
    }

    private static ProtocolException refused(String message) {
        return new ProtocolException(ProtocolException.UNAUTHORIZED, message, ProtocolException.POLICY_VIOLATION);
    }
}
