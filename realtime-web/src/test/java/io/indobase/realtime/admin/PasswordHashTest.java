package io.indobase.realtime.admin;

import io.indobase.realtime.security.CallerAuthentication;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    /** Made with {@code java bin/AdminPassword.java admin it-admin-secret}. */
    static final String ADMIN = "admin:210000:oaSuiimueSiV1bKTK1Fzbg==:4h2n8/Tl2RkRTCROIeqMKP8o3zp7kOENF3rfutTkASg=";

    @Test
    void anEntryFromTheToolAcceptsItsPasswordOnly() {
        PasswordHash hash = PasswordHash.parseAccounts(ADMIN).get("admin");
        assertTrue(hash.matches("it-admin-secret"));
        assertFalse(hash.matches("it-admin-secreT"));
    }

    @Test
    void noneAndBlankMeanNobody() {
        assertEquals(Map.of(), PasswordHash.parseAccounts("none"));
        assertEquals(Map.of(), PasswordHash.parseAccounts(" "));
    }

    @Test
    void severalAccountsAreCommaSeparatedAndBadEntriesAreRejected() {
        assertEquals(2, PasswordHash.parseAccounts(ADMIN + ", " + ADMIN.replace("admin:", "ops:")).size());
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parseAccounts("admin:secret"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parseAccounts("admin:1:AAAAAAAAAAA=:AAAAAAAAAAAAAAAAAAAAAA=="));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parseAccounts("admin:x:AAAAAAAAAAA=:AAAAAAAAAAAAAAAAAAAAAA=="));
    }

    @Test
    void basicHeadersAreDecodedOrIgnoredWhenMalformed() {
        assertEquals("admin", CallerAuthentication.basicCredential("Basic YWRtaW46czpz").getCaller());
        assertEquals("s:s", CallerAuthentication.basicCredential("basic YWRtaW46czpz").getPasswordAsString());
        assertEquals(null, CallerAuthentication.basicCredential("Basic !!!"));
        assertEquals(null, CallerAuthentication.basicCredential("Bearer abc"));
        assertEquals(null, CallerAuthentication.basicCredential("Basic YWRtaW4="));
    }
}
