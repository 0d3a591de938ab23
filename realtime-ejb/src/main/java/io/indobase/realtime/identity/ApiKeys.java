package io.indobase.realtime.identity;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configured API keys: {@code name:project:scope|scope:sha256hex} entries separated by commas, or {@code none}.
 * {@code java bin/ApiKey.java NAME PROJECT SCOPES} mints a key and prints its entry.
 */
public final class ApiKeys {

    public static final ApiKeys NONE = new ApiKeys(Map.of());
    private static final String PREFIX = "rk_";

    private final Map<String, ApiKey> byName;

    private ApiKeys(Map<String, ApiKey> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** @throws IllegalArgumentException naming the bad entry, never a secret (none is configured) */
    public static ApiKeys parse(String config) {
        if (config == null || config.isBlank() || "none".equals(config.trim())) {
            return NONE;
        }
        Map<String, ApiKey> keys = new HashMap<>();
        for (String entry : config.split(",")) {
            String[] fields = entry.trim().split(":", -1);
            if (fields.length != 4) {
                throw new IllegalArgumentException("an API key entry is name:project:scopes:sha256, not "
                        + fields.length + " fields");
            }
            Set<String> scopes = Arrays.stream(fields[2].split("\\|")).map(String::trim).filter(s -> !s.isEmpty())
                    .collect(Collectors.toSet());
            ApiKey key = new ApiKey(fields[0], fields[1], scopes, fields[3]);
            if (keys.put(key.name(), key) != null) {
                throw new IllegalArgumentException("API key " + key.name() + " is configured twice");
            }
        }
        return new ApiKeys(keys);
    }

    /**
     * @param presented {@code rk_<name>_<secret>}
     * @throws InvalidCredentialException when the key is malformed, unknown or its secret is wrong
     */
    public ApiKey verify(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.lastIndexOf('_') <= PREFIX.length()) {
            throw new InvalidCredentialException("an API key looks like rk_<name>_<secret>");
        }
        int split = presented.lastIndexOf('_');
        ApiKey key = byName.get(presented.substring(PREFIX.length(), split));
        if (key == null || !key.matchesSecret(presented.substring(split + 1))) {
            throw new InvalidCredentialException("unknown API key or wrong secret");
        }
        return key;
    }

    public int size() {
        return byName.size();
    }

    /** The presented form of a key with that name and secret. */
    public static String present(String name, String secret) {
        return PREFIX + name + "_" + secret;
    }
}
