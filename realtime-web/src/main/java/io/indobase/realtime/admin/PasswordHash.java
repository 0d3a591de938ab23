package io.indobase.realtime.admin;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** A PBKDF2-HMAC-SHA256 password hash: {@code iterations:salt:hash}, salt and hash in Base64. */
record PasswordHash(int iterations, byte[] salt, byte[] hash) {

    static final String NOBODY = "none";

    /** {@code name:iterations:salt:hash,…} to accounts; {@code none} or blank to no account. */
    static Map<String, PasswordHash> parseAccounts(String spec) {
        Map<String, PasswordHash> accounts = new HashMap<>();
        if (spec == null || spec.isBlank() || spec.strip().equals(NOBODY)) {
            return accounts;
        }
        for (String entry : spec.split(",")) {
            String[] parts = entry.strip().split(":");
            if (parts.length != 4) {
                throw new IllegalArgumentException("realtime.admin.users: expected name:iterations:salt:hash, got an entry with "
                        + parts.length + " parts");
            }
            Base64.Decoder b64 = Base64.getDecoder();
            accounts.put(parts[0], new PasswordHash(Integer.parseInt(parts[1]), b64.decode(parts[2]), b64.decode(parts[3])));
        }
        return accounts;
    }

    boolean matches(String password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations, hash.length * 8));
    }

    static byte[] derive(String password, byte[] salt, int iterations, int bits) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bits);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }
}
