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
    static final int MIN_ITERATIONS = 10_000;
    /** What an unknown name is checked against, at the iteration count bin/AdminPassword.java uses. */
    static final PasswordHash DECOY = new PasswordHash(210_000, new byte[16], new byte[32]);

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
            accounts.put(parts[0], entry(parts));
        }
        return accounts;
    }

    private static PasswordHash entry(String[] parts) {
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < MIN_ITERATIONS || salt.length < 8 || hash.length < 16) {
                throw new IllegalArgumentException("realtime.admin.users: the entry of " + parts[0] + " is too weak (at least "
                        + MIN_ITERATIONS + " iterations, an 8-byte salt and a 16-byte hash)");
            }
            return new PasswordHash(iterations, salt, hash);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("realtime.admin.users: the iterations of " + parts[0] + " are not a number");
        }
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
