package io.indobase.realtime.transport;

import static io.indobase.realtime.json.JsonKit.JSON;

import io.indobase.realtime.identity.Account;
import io.indobase.realtime.identity.ApiKey;
import io.indobase.realtime.identity.ApiKeyStore;
import io.indobase.realtime.identity.GroupRoles;
import io.indobase.realtime.identity.InvalidCredentialException;
import io.indobase.realtime.identity.Revocations;
import io.indobase.realtime.identity.SessionVerifier;
import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.transport.protocol.ProtocolException;
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

    /**
     * The identity a socket opens with, the account model for {@code connected.user}, and the credential's life:
     * when it expires, its session, when it was issued (null when unknown).
     */
    record Resolved(Identity identity, JsonValue user, Instant expiresAt, String session, Instant issuedAt) {
        static final Resolved GUEST = new Resolved(Identity.GUEST, JsonValue.NULL, null, null, null);

        Resolved(Account account) {
            this(account.identity(), account.model(), account.expiresAt(), account.sessionId(), account.issuedAt());
        }
    }

    static final String REVOKED = "The session was revoked.";

    private final SessionVerifier verifier;
    private final ApiKeyStore keys;
    private final GroupRoles roles;
    private final Revocations revocations;

    SessionCredentials(SessionVerifier verifier, ApiKeyStore keys, GroupRoles roles, Revocations revocations) {
        this.verifier = verifier;
        this.keys = keys;
        this.roles = roles;
        this.revocations = revocations;
    }

    /** Whether events revoked this identity's user or session (blocked, deleted, signed out) since it was issued. */
    boolean revoked(String project, Identity identity, String session) {
        return revocations.isRevoked(project, identity.userId(), session);
    }

    /**
     * The credential as events left it: refused when they revoked its user or session, else less the roles they took
     * away since it was issued (lost roles stay lost, docs/security.md).
     *
     * @throws ProtocolException error 401, close 1008, when events revoked the user or the session
     */
    Resolved checked(String project, Resolved who) {
        if (revoked(project, who.identity(), who.session())) {
            throw refused(REVOKED);
        }
        Identity current = revocations.current(project, who.identity(), who.issuedAt());
        return current.equals(who.identity()) ? who
                : new Resolved(current, who.user(), who.expiresAt(), who.session(), who.issuedAt());
    }

    /** The identity less what events took away since a credential issued then (null: unknown) was issued. */
    Identity current(String project, Identity identity, Instant issuedAt) {
        return revocations.current(project, identity, issuedAt);
    }

    SessionVerifier verifier() {
        return verifier;
    }

    Resolved resolve(String project, Handshake handshake, Map<String, List<String>> parameters) {
        String key = handshake.header(KEY_HEADER);
        if (key != null) {
            try {
                ApiKey apiKey = keys.verify(key, ApiKey.SUBSCRIBE, project);
                return new Resolved(Identity.apiKey(apiKey.name()), JsonValue.NULL, null, null, null);
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
                return new Resolved(verifier.verify(project, jwt));
            } catch (InvalidCredentialException e) {
                throw refused("Failed to verify JWT. " + e.getMessage());
            }
        }
        if (handshake.caller() != null) {
            Identity identity;
            try {
                identity = roles.identity(handshake.caller(), handshake.groups());
            } catch (IllegalArgumentException e) {
                throw refused("The caller's name is not a valid user id (no ':', '/' or white space).");
            }
            JsonValue user = JSON.createObjectBuilder().add("$id", handshake.caller())
                    .add("labels", JSON.createArrayBuilder(identity.labels())).build();
            return new Resolved(identity, user, handshake.expiresAt(), handshake.session(), handshake.issuedAt());
        }
        return Resolved.GUEST;
    }

    private static ProtocolException refused(String message) {
        return new ProtocolException(ProtocolException.UNAUTHORIZED, message, ProtocolException.POLICY_VIOLATION);
    }
}
