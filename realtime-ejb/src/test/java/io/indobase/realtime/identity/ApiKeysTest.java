package io.indobase.realtime.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.SecurityFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Key entries, presented keys and scopes. */
class ApiKeysTest {

    private static final String SECRET = "ab".repeat(32);
    private static final String HASH = HexFormat.of().formatHex(ApiKey.digest(SECRET));

    @Test
    void verifiesAPresentedKeyAndItsScopesPerProject() {
        ApiKeys keys = ApiKeys.parse("feed:p1:subscribe:" + HASH + ", ops:*:ingest|subscribe:" + HASH);
        ApiKey feed = keys.verify(ApiKeys.present("feed", SECRET));
        assertTrue(feed.allows(ApiKey.SUBSCRIBE, "p1"));
        assertFalse(feed.allows(ApiKey.SUBSCRIBE, "p2"));
        assertFalse(feed.allows(ApiKey.INGEST, "p1"));
        assertTrue(keys.verify(ApiKeys.present("ops", SECRET)).allows(ApiKey.INGEST, "anything"));
    }

    @Test
    void refusesWrongSecretsUnknownNamesAndMalformedKeys() {
        ApiKeys keys = ApiKeys.parse("feed:p1:subscribe:" + HASH);
        for (String bad : new String[] {ApiKeys.present("feed", "cd".repeat(32)), ApiKeys.present("nobody", SECRET),
                "rk_", "rk__x", "feed", null, "Bearer x"}) {
            assertThrows(InvalidCredentialException.class, () -> keys.verify(bad), String.valueOf(bad));
        }
    }

    @Test
    void noneAcceptsNothing() {
        assertEquals(0, ApiKeys.parse("none").size());
        assertThrows(InvalidCredentialException.class, () -> ApiKeys.parse("none").verify(ApiKeys.present("a", SECRET)));
    }

    @Test
    void badEntriesAreRefusedWithTheReason() {
        assertTrue(message("feed:p1:subscribe").contains("name:project:scopes:sha256"));
        assertTrue(message("feed:p1:read:" + HASH).contains("unknown scope 'read'"));
        assertTrue(message("feed:p1:subscribe:xyz").contains("hash of key feed"));
        assertTrue(message("f e:p1:subscribe:" + HASH).contains("key name"));
        assertTrue(message("a:p:ingest:" + HASH + ",a:p:ingest:" + HASH).contains("twice"));
    }

    private static String message(String config) {
        return assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(config)).getMessage();
    }

    @Test
    void theTestServersAcceptTheTestKeys() throws Exception {
        ApiKeys keys = ApiKeys.parse(SecurityFixtures.KEYS_CONFIG);
        assertTrue(keys.verify(SecurityFixtures.SUBSCRIBE_KEY).allows(ApiKey.SUBSCRIBE, SecurityFixtures.PROJECT));
        assertTrue(keys.verify(SecurityFixtures.INGEST_KEY).allows(ApiKey.INGEST, "any-project"));
        assertTrue(keys.verify(SecurityFixtures.OTHER_PROJECT_KEY).allows(ApiKey.INGEST, "elsewhere"));
        for (String copy : new String[] {"../arquillian.xml", "../realtime-system-test/src/test/payara/domain.sh"}) {
            assertTrue(Files.readString(Path.of(copy)).contains(SecurityFixtures.KEYS_CONFIG), copy);
        }
    }
}
