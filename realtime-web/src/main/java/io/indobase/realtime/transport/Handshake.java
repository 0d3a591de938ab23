package io.indobase.realtime.transport;

import io.indobase.realtime.security.TokenPrincipal;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the upgrade request told us, kept for the session: the HTTP headers (names in lower case), the caller the
 * container authenticated (or null) with its groups and, for a bearer token, its expiry, session and issue time.
 */
record Handshake(Map<String, List<String>> headers, String caller, List<String> groups, Instant expiresAt,
                 String session, Instant issuedAt) {

    static final Handshake NONE = new Handshake(Map.of(), null, List.of(), null, null, null);

    Handshake {
        headers = Map.copyOf(headers);
        groups = List.copyOf(groups);
    }

    static Handshake of(Map<String, List<String>> headers, Principal caller, List<String> groups) {
        if (caller instanceof TokenPrincipal token) {
            return new Handshake(headers, token.getName(), groups, token.expiresAt(), token.session(), token.issuedAt());
        }
        return new Handshake(headers, caller == null ? null : caller.getName(), groups, null, null, null);
    }

    /** @return the first value of a header (name in any case), or null */
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
