package io.indobase.realtime.security;

import jakarta.security.enterprise.CallerPrincipal;
import java.time.Instant;

/**
 * The caller of a verified bearer token: its name, when the token expires and when it was issued (null when it does
 * not say), and the session it was issued for.
 */
public class TokenPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final Instant expiresAt;
    private final String session;
    private final Instant issuedAt;

    public TokenPrincipal(String name, Instant expiresAt, String session, Instant issuedAt) {
        super(name);
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
