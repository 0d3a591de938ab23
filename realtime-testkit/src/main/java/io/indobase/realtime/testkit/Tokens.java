package io.indobase.realtime.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * A test token issuer: an RSA key pair and RS256-signed JWTs with MicroProfile JWT claims. The server is given
 * {@link #publicKeyBase64()} as {@code mp.jwt.verify.publickey}.
 */
public final class Tokens {

    public static final String ISSUER = "https://issuer.test.indobase.io";

    private final KeyPair keys;

    private Tokens(KeyPair keys) {
        this.keys = keys;
    }

    /**
     * The fixed test issuer whose public key the test servers are given
     * ({@code mp.jwt.verify.publickey.location} in arquillian.xml): {@code jwt-test-*.pem} beside this class. The
     * private key is public on purpose; nothing but tests may trust it.
     */
    public static Tokens forTests() {
        try (var in = Tokens.class.getResourceAsStream("jwt-test-private.pem");
             var pub = Tokens.class.getResourceAsStream("jwt-test-public.pem")) {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new Tokens(new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(pem(pub))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(in)))));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the test key pair cannot be read", e);
        }
    }

    private static byte[] pem(java.io.InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    }

    /** A fresh issuer nobody trusts: its tokens are forged as far as a server is concerned. */
    public Tokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** A token for the user with those groups and session, valid for {@code seconds} (negative: already expired). */
    public String token(String user, List<String> groups, String session, long seconds) {
        long now = Instant.now().getEpochSecond();
        JsonObjectBuilder claims = Json.createObjectBuilder().add("iss", ISSUER).add("upn", user).add("sub", user)
                .add("iat", now - 5).add("exp", now + seconds).add("groups", Json.createArrayBuilder(groups));
        if (session != null) {
            claims.add("sid", session);
        }
        return sign(claims.build());
    }

    public String sign(JsonObject claims) {
        return signWithHeader(Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build(),
                encode(claims.toString()));
    }

    /** A token with this JOSE header over the already encoded claims part, signed with RS256 whatever the header says. */
    public String signWithHeader(JsonObject header, String encodedClaims) {
        String signed = encode(header.toString()) + "." + encodedClaims;
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token with one character of its payload changed: the signature no longer matches. */
    public static String tampered(String token) {
        int dot = token.indexOf('.') + 3;
        char c = token.charAt(dot);
        return token.substring(0, dot) + (c == 'A' ? 'B' : 'A') + token.substring(dot + 1);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
