package io.indobase.realtime.identity;

import io.indobase.realtime.permission.Identity;
import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * A signed-in user: the identity that decides what they may read, and the account model (Appwrite's
 * {@code MODEL_ACCOUNT}: {@code $id}, {@code name}, {@code email}, …) sent in {@code connected} and in the
 * {@code authentication} response.
 */
public record Account(Identity identity, JsonObject model) {

    public Account {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(model, "model");
        if (identity.isGuest()) {
            throw new IllegalArgumentException("an account belongs to a user, not a guest");
        }
    }
}
