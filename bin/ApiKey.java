import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Mints an API key. Prints two lines: the key to give the client (rk_NAME_SECRET, shown once), and the
 * realtime.keys entry that stores only its SHA-256.
 * Usage: java bin/ApiKey.java NAME PROJECT SCOPES — PROJECT may be *, SCOPES is subscribe, ingest or subscribe|ingest.
 */
public class ApiKey {

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !args[0].matches("[A-Za-z0-9-]{1,64}")) {
            System.err.println("usage: java bin/ApiKey.java NAME PROJECT SCOPES   (NAME: letters, digits, '-')");
            System.exit(2);
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String hex = HexFormat.of().formatHex(secret);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(hex.getBytes(StandardCharsets.UTF_8)));
        System.out.println("rk_" + args[0] + "_" + hex);
        System.out.println(args[0] + ":" + args[1] + ":" + args[2] + ":" + hash);
    }
}
