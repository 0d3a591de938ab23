package io.indobase.realtime.identity;

import java.util.Objects;
import java.util.Set;

/**
 * What a token must satisfy besides its signature: the issuer ({@code mp.jwt.verify.issuer}, null for any), the
 * accepted audiences ({@code mp.jwt.verify.audiences}, empty for any), the clock skew tolerated on {@code exp},
 * {@code nbf} and {@code iat} ({@code mp.jwt.verify.clock.skew}), and the claim that names the caller
 * ({@code realtime.identity.jwt-caller-claim}).
 */
public record JwtRules(String issuer, Set<String> audiences, long clockSkewSeconds, String callerClaim) {

    public JwtRules {
        audiences = Set.copyOf(audiences);
        if (clockSkewSeconds < 0) {
            throw new IllegalArgumentException("the clock skew must not be negative");
        }
        if (Objects.requireNonNull(callerClaim, "callerClaim").isBlank()) {
            throw new IllegalArgumentException("the caller claim must be named");
        }
    }

    /** Any issuer and audience, the given skew, the caller in {@code sub}. */
    public static JwtRules subject(String issuer, long clockSkewSeconds) {
        return new JwtRules(issuer, Set.of(), clockSkewSeconds, "sub");
    }
}
