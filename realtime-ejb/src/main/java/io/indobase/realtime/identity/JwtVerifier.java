package io.indobase.realtime.identity;

import static io.indobase.realtime.json.JsonKit.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies a compact JWS the way MicroProfile JWT does: a signature by the configured public key (RS256/384/512 or
 * ES256/384/512; {@code none} and HMAC are refused; a {@code crit} header is refused, as no extension is understood;
 * a {@code typ} other than {@code JWT} is refused, so an access token of another profile ({@code at+jwt}) or a
 * DPoP proof cannot pass for one), an {@code exp} in the future, {@code nbf} and {@code iat} not in the future, each
 * within the clock skew, the configured issuer and, when configured, one of the audiences, and a caller in the
 * configured claim. Failures say why in fixed words: never the token, nor anything of it or of the configuration.
 */
public final class JwtVerifier {

    private static final Map<String, String> RSA = Map.of(
            "RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA");
    private static final Map<String, String> EC = Map.of(
            "ES256", "SHA256withECDSAinP1363Format", "ES384", "SHA384withECDSAinP1363Format",
            "ES512", "SHA512withECDSAinP1363Format");

    private final PublicKey key;
    private final JwtRules rules;
    private final Clock clock;

    public JwtVerifier(PublicKey key, JwtRules rules, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        if (!(key instanceof RSAPublicKey) && !(key instanceof ECPublicKey)) {
            throw new IllegalArgumentException("the JWT verification key must be an RSA or EC public key");
        }
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = clock;
    }

    /** @throws InvalidCredentialException when the token is malformed, forged, expired or not for this server */
    public Jwt verify(String token) {
        if (token == null || token.isEmpty()) {
            throw new InvalidCredentialException("no token");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidCredentialException("not a compact JWS (three dot-separated parts)");
        }
        JsonObject header = json(parts[0], "header");
        if (header.containsKey("crit")) {
            throw new InvalidCredentialException("a critical header extension is not understood");
        }
        if (header.containsKey("typ") && !isJwt(header.get("typ"))) {
            throw new InvalidCredentialException("the token type is not JWT");
        }
        JsonValue alg = header.get("alg");
        String algorithm = alg instanceof JsonString name ? name.getString() : "";
        checkSignature(algorithm, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), decode(parts[2]));
        JsonObject claims = json(parts[1], "claims");
        checkClaims(claims);
        return new Jwt(claims, caller(claims));
    }

    /** RFC 7519 5.1: {@code JWT}, or its media type; compared without regard to case, as media types are. */
    private static boolean isJwt(JsonValue typ) {
        return typ instanceof JsonString type
                && (type.getString().equalsIgnoreCase("JWT") || type.getString().equalsIgnoreCase("application/jwt"));
    }

    private String caller(JsonObject claims) {
        String caller = claims.getString(rules.callerClaim(), null);
        if (caller == null || caller.isBlank()) {
            throw new InvalidCredentialException("no " + rules.callerClaim() + " claim");
        }
        return caller;
    }

    private void checkSignature(String algorithm, byte[] signed, byte[] signature) {
        String jca = key instanceof RSAPublicKey ? RSA.get(algorithm) : EC.get(algorithm);
        if (jca == null) {
            throw new InvalidCredentialException("the signature algorithm is not accepted for this key");
        }
        try {
            Signature verifier = Signature.getInstance(jca);
            verifier.initVerify(key);
            verifier.update(signed);
            if (!verifier.verify(signature)) {
                throw new InvalidCredentialException("bad signature");
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidCredentialException("bad signature");
        }
    }

    private void checkClaims(JsonObject claims) {
        long now = clock.instant().getEpochSecond();
        long skew = rules.clockSkewSeconds();
        Long expires = seconds(claims, "exp");
        if (expires == null) {
            throw new InvalidCredentialException("no exp claim");
        }
        if (now - skew >= expires) {
            throw new InvalidCredentialException("expired at " + Instant.ofEpochSecond(expires));
        }
        Long notBefore = seconds(claims, "nbf");
        if (notBefore != null && now + skew < notBefore) {
            throw new InvalidCredentialException("not valid before " + Instant.ofEpochSecond(notBefore));
        }
        Long issuedAt = seconds(claims, "iat");
        if (issuedAt != null && now + skew < issuedAt) {
            throw new InvalidCredentialException("issued in the future, at " + Instant.ofEpochSecond(issuedAt));
        }
        if (rules.issuer() != null && !rules.issuer().equals(claims.getString("iss", null))) {
            throw new InvalidCredentialException("wrong issuer");
        }
        if (!rules.audiences().isEmpty() && !hasAudience(claims.get("aud"))) {
            throw new InvalidCredentialException("wrong audience");
        }
    }

    private boolean hasAudience(JsonValue aud) {
        if (aud instanceof JsonString single) {
            return rules.audiences().contains(single.getString());
        }
        if (aud != null && aud.getValueType() == JsonValue.ValueType.ARRAY) {
            return aud.asJsonArray().stream()
                    .anyMatch(v -> v instanceof JsonString s && rules.audiences().contains(s.getString()));
        }
        return false;
    }

    private static Long seconds(JsonObject claims, String name) {
        JsonValue value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw new InvalidCredentialException(name + " is not a number");
        }
        return number.longValue();
    }

    private static JsonObject json(String part, String what) {
        try (var reader = JSON.createReader(new StringReader(
                new String(decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidCredentialException("the " + what + " is not a JSON object");
        }
    }

    private static byte[] decode(String part) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidCredentialException("not base64url");
        }
    }
}
