package io.indobase.realtime.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** utopia's permission validator messages, and how Appwrite turns a presence's permissions into {@code $permissions}. */
class PresencePermissionsTest {

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '¦', quoteCharacter = '`', value = {
            "\"invalid\"                    ¦ Permissions must be an array of strings.",
            "{}                             ¦ Permissions must be an array of strings.",
            "[1]                            ¦ Every permission must be of type string.",
            "[\"*\"]                        ¦ Wildcard permission \"*\" has been replaced. Use \"any\" instead.",
            "[\"read(\\\"role:all\\\")\"]   ¦ Permissions using the \"role:\" prefix have been replaced. Use \"users\", \"guests\", or \"any\" instead.",
            "[\"create(\\\"any\\\")\"]      ¦ Permission \"create(\"any\")\" is not allowed. Must be one of: read, update, delete, write.",
            "[\"read\"]                     ¦ Invalid permission string format: \"read\".",
            "[\"reader(\\\"any\\\")\"]      ¦ Invalid permission type: \"reader\".",
            "[\"read(\\\"nobody\\\")\"]     ¦ Role \"nobody\" is not allowed. Must be one of: any, guests, users, user, team, member, label.",
            "[\"read(\\\"any:x\\\")\"]      ¦ Role \"any\" can not have an ID value.",
            "[\"read(\\\"user\\\")\"]       ¦ Role \"user\" must have an ID value.",
            "[\"read(\\\"user:_u\\\")\"]    ¦ Role \"user\" identifier value is invalid: Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char",
            "[\"read(\\\"label:a-b\\\")\"]  ¦ Role \"label\" identifier value is invalid: Value must be a valid string between 1 and 36 chars containing only alphanumeric chars",
            "[\"read(\\\"users/gold\\\")\"] ¦ Role \"users\" dimension value is invalid. Must be one of: verified, unverified.",
            "[\"read(\\\"member:m/x\\\")\"] ¦ Role \"member\" can not have a dimension value.",
            "[\"read(\\\"team:t/a/b\\\")\"] ¦ Only one dimension can be provided",
            "[\"read(\\\"team:t/\\\")\"]    ¦ Dimension must not be empty",
    })
    void refusesWithUtopiasMessages(String permissions, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PresencePermissions.validate(json(permissions)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void acceptsUpToAHundredOfTheFourAllowedTypes() {
        String valid = "[\"read(\\\"any\\\")\",\"update(\\\"users/verified\\\")\",\"delete(\\\"team:t1/owner\\\")\","
                + "\"write(\\\"user:u1/unverified\\\")\",\"read(\\\"label:vip\\\")\",\"read(\\\"member:m1\\\")\",\"read(\\\"guests\\\")\"]";
        assertEquals(7, PresencePermissions.validate(json(valid)).size());
        String many = "[" + "\"read(\\\"any\\\")\",".repeat(100) + "\"read(\\\"any\\\")\"]";
        assertEquals("You can only provide up to 100 permissions.",
                assertThrows(IllegalArgumentException.class, () -> PresencePermissions.validate(json(many))).getMessage());
    }

    @Test
    void noneMeansEveryTypeForTheUserAloneSorted() {
        assertEquals(List.of("delete(\"user:u1\")", "read(\"user:u1\")", "update(\"user:u1\")", "write(\"user:u1\")"),
                PresencePermissions.resolve(null, "u1", Set.of("user:u1", "users")));
    }

    @Test
    void writeBecomesUpdateAndDeleteAndDuplicatesGo() {
        assertEquals(List.of("delete(\"any\")", "read(\"users\")", "update(\"any\")"),
                PresencePermissions.resolve(List.of("write(\"any\")", "read(\"users\")", "update(\"any\")"), "u1",
                        Set.of("user:u1", "users")));
    }

    @Test
    void everyRoleGrantedMustBeHeldOrAny() {
        PresenceException e = assertThrows(PresenceException.class, () -> PresencePermissions.resolve(
                List.of("read(\"any\")", "read(\"guests\")"), "u1", Set.of("users", "user:u1")));
        assertEquals(401, e.code());
        assertEquals("Permissions must be one of: (any, user:u1, users)", e.getMessage());
    }
}
