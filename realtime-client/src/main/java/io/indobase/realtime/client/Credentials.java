package io.indobase.realtime.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** What the client presents on every handshake: handshake headers, so nothing secret is in a URL. */
sealed interface Credentials {

    Credentials NONE = new Anonymous();

    /** The handshake headers, computed anew for every connection (a token supplier may give a fresh token). */
    Map<String, String> headers();

    /** Whether a new connection may carry a newer credential, so an expired one is worth a reconnect. */
    default boolean refreshable() {
        return false;
    }

    record Anonymous() implements Credentials {
        @Override
        public Map<String, String> headers() {
            return Map.of();
        }
    }

    /** An API key with the {@code subscribe} scope: the socket reads every event of its project. */
    record ApiKey(String key) implements Credentials {
        public ApiKey {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("an API key is required (rk_NAME_SECRET, from bin/ApiKey.java)");
            }
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("X-Indobase-Key", key);
        }

        @Override
        public String toString() {
            return "ApiKey[" + key.substring(0, Math.max(0, key.lastIndexOf('_'))) + "_…]";
        }
    }

    /** A JWT, asked of the supplier for every connection. */
    record Jwt(Supplier<String> token) implements Credentials {
        public Jwt {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public Map<String, String> headers() {
            String value = token.get();
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("the JWT supplier gave no token");
            }
            return Map.of("X-Appwrite-JWT", value);
        }

        @Override
        public boolean refreshable() {
            return true;
        }
    }

    /** A user of the server's security realm, checked by the application server before the upgrade. */
    record Basic(String user, String password) implements Credentials {
        public Basic {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public Map<String, String> headers() {
            String pair = user + ":" + password;
            return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String toString() {
            return "Basic[user=" + user + "]";
        }
    }
}
