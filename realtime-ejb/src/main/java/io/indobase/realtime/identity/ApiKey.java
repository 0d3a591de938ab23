package io.indobase.realtime.identity;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An operator's API key (beyond Appwrite) as configured: its name, the project it is for ({@code *}: any), its scopes
 * and the SHA-256 of its secret. A key is presented as {@code rk_<name>_<secret>}; the secret is 64 random hex digits,
 * so one hash is enough (nothing to guess), and no secret is ever stored.
 *
 * @param scopes {@link #SUBSCRIBE} (read every event of the project over the WebSocket), {@link #INGEST} (publish
 *               events over HTTP)
 */
public record ApiKey(String name, String project, Set<String> scopes, String sha256) {

    public static final String SUBSCRIBE = "subscribe";
    public static final String INGEST = "ingest";
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Set<String> SCOPES = Set.of(SUBSCRIBE, INGEST);

    public ApiKey {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key name is 1-64 letters, digits or '-': " + name);
        }
        Objects.requireNonNull(project, "project");
        scopes = Set.copyOf(scopes);
        for (String scope : scopes) {
            if (!SCOPES.contains(scope)) {
                throw new IllegalArgumentException("unknown scope '" + scope + "' of key " + name + "; scopes: " + SCOPES);
            }
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("the hash of key " + name + " is not 64 lower-case hex digits");
        }
    }

    public boolean allows(String scope, String forProject) {
        return scopes.contains(scope) && ("*".equals(project) || project.equals(forProject));
    }

    boolean matchesSecret(String secret) {
        return MessageDigest.isEqual(HexFormat.of().parseHex(sha256), digest(secret));
    }

    static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
