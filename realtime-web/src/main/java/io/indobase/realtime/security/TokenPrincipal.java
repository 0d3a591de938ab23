package io.indobase.realtime.security;

import java.time.Instant;
import java.util.Set;

/**
 * The caller of a verified bearer token: its name and groups, when the token expires and when it was issued (null
 * when it does not say), and the session it was issued for.
 */
public class TokenPrincipal extends RealmCaller {

    private static final long serialVersionUID = 1L;

    private final Instant expiresAt;
    private final String session;
    private final Instant issuedAt;

    public TokenPrincipal(String name, Set<String> groups, Instant expiresAt, String session, Instant issuedAt) {
        super(name, groups);
        this.expiresAt = expiresAt;
        this.session = session;
        this.issuedAt = issuedAt;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String session() {
        return session;
    }
}
