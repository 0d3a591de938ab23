import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Prints a realtime.admin.users entry for a name and a password (PBKDF2-HMAC-SHA256, 210,000 iterations).
 * Usage: java bin/AdminPassword.java NAME [PASSWORD] — without PASSWORD it reads one line from standard input.
 */
public class AdminPassword {

    private static final int ITERATIONS = 210_000;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java bin/AdminPassword.java NAME [PASSWORD]");
            System.exit(2);
        }
        String password = args.length > 1 ? args[1] : new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder();
        System.out.println(args[0] + ":" + ITERATIONS + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash));
    }
}
