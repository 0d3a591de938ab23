package io.indobase.realtime.identity;

import io.indobase.realtime.permission.Identity;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in user: the identity that decides what they may read, and the account model (Appwrite's
 * {@code MODEL_ACCOUNT}: {@code $id}, {@code name}, {@code email}, …) sent in {@code connected} and in the
 * {@code authentication} response.
 *
 * @param expiresAt when the credential stops being valid (the socket is then closed with 1008), or null for never
 * @param sessionId the session the credential belongs to, so revoking that session closes the socket; or null
 * @param issuedAt  when the credential was issued, or null when it does not say: what events took away since then
 *                  stays away ({@link Revocations#current})
 */
public record Account(Identity identity, JsonObject model, Instant expiresAt, String sessionId, Instant issuedAt) {

    public Account {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(model, "model");
        if (identity.userId() == null) {
            throw new IllegalArgumentException("an account belongs to a user, not a guest or a key");
        }
    }

    public Account(Identity identity, JsonObject model) {
        this(identity, model, null, null, null);
    }
}
