package io.indobase.realtime.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads the token verification key as MicroProfile JWT accepts it: PEM or bare Base64 of an X.509 public key. */
final class PublicKeys {

    private PublicKeys() {
    }

    static PublicKey parse(String text) {
        String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the public key is neither PEM nor Base64");
        }
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("the public key is not an X.509 RSA or EC key");
    }

    /** @param location a file path, a {@code file:} URL, or a resource on the application's class path */
    static String read(String location, ClassLoader loader) throws IOException {
        String path = location.startsWith("file:") ? location.substring(5) : location;
        if (Files.isRegularFile(Path.of(path))) {
            return Files.readString(Path.of(path), StandardCharsets.US_ASCII);
        }
        try (InputStream in = loader.getResourceAsStream(location.startsWith("/") ? location.substring(1) : location)) {
            if (in == null) {
                throw new IOException("no file or class-path resource " + location);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
