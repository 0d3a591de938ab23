package io.indobase.realtime.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.Tokens;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Valid, expired, tampered, forged and malformed tokens, and what the refusal says. */
class JwtVerifierTest {

    private static final Tokens TOKENS = new Tokens();
    private final JwtVerifier verifier = new JwtVerifier(PublicKeys.parse(TOKENS.publicKeyBase64()),
            JwtRules.subject(Tokens.ISSUER, 0), Clock.systemUTC());

    @Test
    void acceptsAValidTokenAndReadsCallerGroupsAndSession() {
        Jwt jwt = verifier.verify(TOKENS.token("alice", List.of("team:t1/owner", "verified"), "s1", 60));
        assertEquals("alice", jwt.caller());
        assertEquals(List.of("team:t1/owner", "verified"), jwt.groups());
        assertEquals("s1", jwt.sessionId());
        assertTrue(jwt.expiresAt().isAfter(Instant.now()));
    }

    @Test
    void refusesAnExpiredToken() {
        String token = TOKENS.token("alice", List.of(), null, -10);
        assertTrue(refusal(token).startsWith("expired at "));
    }

    @Test
    void refusesATamperedToken() {
        assertEquals("bad signature", refusal(Tokens.tampered(TOKENS.token("alice", List.of(), null, 60))));
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        assertEquals("bad signature", refusal(new Tokens().token("alice", List.of(), null, 60)));
    }

    @Test
    void refusesAnotherIssuer() {
        String token = TOKENS.sign(Json.createObjectBuilder().add("iss", "https://evil").add("sub", "a")
                .add("exp", Instant.now().getEpochSecond() + 60).build());
        assertEquals("wrong issuer", refusal(token));
    }

    @Test
    void refusesATokenWithoutExpiry() {
        String token = TOKENS.sign(Json.createObjectBuilder().add("iss", Tokens.ISSUER).add("sub", "a").build());
        assertEquals("no exp claim", refusal(token));
    }

    @Test
    void refusesTheNoneAlgorithmAndHmac() {
        String claims = TOKENS.token("alice", List.of(), null, 60).split("\\.")[1];
        assertEquals("the signature algorithm is not accepted for this key", refusal(header("{\"alg\":\"none\"}") + "." + claims + "."));
        assertEquals("the signature algorithm is not accepted for this key", refusal(header("{\"alg\":\"HS256\"}") + "." + claims + ".AAAA"));
        assertEquals("the signature algorithm is not accepted for this key", refusal(header("{\"alg\":7}") + "." + claims + ".AAAA"));
        assertEquals("a critical header extension is not understood",
                refusal(header("{\"alg\":\"RS256\",\"crit\":[\"x\"]}") + "." + claims + ".AAAA"));
    }

    @Test
    void refusesMalformedTokensWithoutRepeatingThem() {
        for (String bad : List.of("", "abc", "a.b", "!!!.???.***", "e30.e30.e30", "a.b.c.d")) {
            String reason = refusal(bad);
            assertFalse(!bad.isEmpty() && reason.contains(bad), reason);
        }
    }

    @Test
    void checksTheAudienceWhenConfigured() {
        JwtVerifier strict = new JwtVerifier(PublicKeys.parse(TOKENS.publicKeyBase64()),
                new JwtRules(null, Set.of("realtime"), 0, "sub"), Clock.systemUTC());
        long exp = Instant.now().getEpochSecond() + 60;
        assertEquals("a", strict.verify(TOKENS.sign(Json.createObjectBuilder().add("sub", "a").add("exp", exp)
                .add("aud", Json.createArrayBuilder().add("other").add("realtime")).build())).caller());
        assertThrows(InvalidCredentialException.class, () -> strict.verify(TOKENS.sign(Json.createObjectBuilder()
                .add("sub", "a").add("exp", exp).add("aud", "other").build())));
    }

    @Test
    void acceptsEcKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        var pair = generator.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        JwtVerifier ec = new JwtVerifier(PublicKeys.parse(pem), JwtRules.subject(null, 0), Clock.systemUTC());
        String signed = header("{\"alg\":\"ES256\"}") + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"e\",\"exp\":" + (Instant.now().getEpochSecond() + 60) + "}").getBytes(StandardCharsets.UTF_8));
        var signature = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
        signature.initSign(pair.getPrivate());
        signature.update(signed.getBytes(StandardCharsets.US_ASCII));
        String token = signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        assertEquals("e", ec.verify(token).caller());
    }

    @Test
    void theCallerIsTheSubjectNotAUsernameTheUserMayChoose() {
        long exp = Instant.now().getEpochSecond() + 60;
        Jwt jwt = verifier.verify(TOKENS.sign(Json.createObjectBuilder().add("iss", Tokens.ISSUER).add("sub", "u-123")
                .add("upn", "alice").add("preferred_username", "alice").add("exp", exp).build()));
        assertEquals("u-123", jwt.caller());
        assertEquals("no sub claim", refusal(TOKENS.sign(Json.createObjectBuilder().add("iss", Tokens.ISSUER)
                .add("preferred_username", "alice").add("upn", "alice").add("exp", exp).build())));
        assertEquals("no sub claim", refusal(TOKENS.sign(Json.createObjectBuilder().add("iss", Tokens.ISSUER)
                .add("sub", 42).add("exp", exp).build())));
    }

    @Test
    void theCallerClaimIsConfigurableForAppwriteTokens() {
        JwtVerifier appwrite = new JwtVerifier(PublicKeys.parse(TOKENS.publicKeyBase64()),
                new JwtRules(null, Set.of(), 0, "userId"), Clock.systemUTC());
        Jwt jwt = appwrite.verify(TOKENS.sign(Json.createObjectBuilder().add("userId", "u7").add("sessionId", "s7")
                .add("sub", "other").add("exp", Instant.now().getEpochSecond() + 60).build()));
        assertEquals("u7", jwt.caller());
        assertEquals("s7", jwt.sessionId());
        assertThrows(IllegalArgumentException.class, () -> new JwtRules(null, Set.of(), 0, " "));
        assertThrows(IllegalArgumentException.class, () -> new JwtRules(null, Set.of(), -1, "sub"));
    }

    @Test
    void aTypeOtherThanJwtIsRefusedAndNoTypeIsAccepted() {
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(Json.createObjectBuilder()
                .add("iss", Tokens.ISSUER).add("sub", "a").add("exp", Instant.now().getEpochSecond() + 60).build()
                .toString().getBytes(StandardCharsets.UTF_8));
        for (String typ : List.of("at+jwt", "dpop+jwt", "JWE", "")) {
            String token = TOKENS.signWithHeader(Json.createObjectBuilder().add("alg", "RS256").add("typ", typ).build(), claims);
            assertEquals("the token type is not JWT", refusal(token), typ);
        }
        for (String typ : List.of("JWT", "jwt", "application/jwt")) {
            String token = TOKENS.signWithHeader(Json.createObjectBuilder().add("alg", "RS256").add("typ", typ).build(), claims);
            assertEquals("a", verifier.verify(token).caller(), typ);
        }
        assertEquals("a", verifier.verify(TOKENS.signWithHeader(Json.createObjectBuilder().add("alg", "RS256").build(), claims)).caller());
    }

    @Test
    void theClockSkewAppliesToExpiryNotBeforeAndIssuedAt() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        JwtVerifier skewed = new JwtVerifier(PublicKeys.parse(TOKENS.publicKeyBase64()), JwtRules.subject(Tokens.ISSUER, 60),
                Clock.fixed(now, java.time.ZoneOffset.UTC));
        long t = now.getEpochSecond();
        assertEquals("a", skewed.verify(claims(t - 59, null, null)).caller(), "expired 59 s ago: within the skew");
        assertThrows(InvalidCredentialException.class, () -> skewed.verify(claims(t - 61, null, null)));
        assertEquals("a", skewed.verify(claims(t + 600, t + 59, null)).caller(), "nbf 59 s ahead: within the skew");
        assertThrows(InvalidCredentialException.class, () -> skewed.verify(claims(t + 600, t + 61, null)));
        assertEquals("a", skewed.verify(claims(t + 600, null, t + 59)).caller(), "iat 59 s ahead: within the skew");
        String issuedInTheFuture = assertThrows(InvalidCredentialException.class,
                () -> skewed.verify(claims(t + 600, null, t + 61))).getMessage();
        assertTrue(issuedInTheFuture.startsWith("issued in the future"), issuedInTheFuture);
        assertEquals("iat is not a number", assertThrows(InvalidCredentialException.class, () -> skewed.verify(
                TOKENS.sign(Json.createObjectBuilder().add("iss", Tokens.ISSUER).add("sub", "a").add("exp", t + 600)
                        .add("iat", "yesterday").build()))).getMessage());
    }

    private static String claims(long exp, Long nbf, Long iat) {
        var claims = Json.createObjectBuilder().add("iss", Tokens.ISSUER).add("sub", "a").add("exp", exp);
        if (nbf != null) {
            claims.add("nbf", nbf);
        }
        if (iat != null) {
            claims.add("iat", iat);
        }
        return TOKENS.sign(claims.build());
    }

    private String refusal(String token) {
        return assertThrows(InvalidCredentialException.class, () -> verifier.verify(token)).getMessage();
    }

    private static String header(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
