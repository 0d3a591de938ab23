package io.indobase.realtime.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTest {

    private static final Set<String> GUEST = Set.of("guests");

    @Test
    void anyReachesEveryConnection() {
        assertTrue(Access.mayRead(GUEST, Set.of("any")));
        assertTrue(Access.mayRead(Set.of("user:u1", "users"), Set.of("any")));
    }

    @Test
    void guestsReadOnlyWhatGuestsOrAnyMayRead() {
        assertTrue(Access.mayRead(GUEST, Set.of("guests", "user:u1")));
        assertFalse(Access.mayRead(GUEST, Set.of("users")));
        assertFalse(Access.mayRead(GUEST, Set.of()));
    }

    @Test
    void readRolesComeOnlyFromReadPermissions() {
        assertEquals(Set.of("team:t1/owner", "label:vip"), Permissions.readRoles(List.of(
                "read(\"team:t1/owner\")", " read(\"label:vip\") ", "update(\"any\")", "write(\"users\")")));
    }

    @Test
    void rolesHaveAppwritesShapes() {
        for (String role : List.of("any", "guests", "users", "users/verified", "user:u1", "user:u1/unverified",
                "team:t1", "team:t1/owner", "member:m1", "label:vip")) {
            assertEquals(role, Role.of(role).value());
        }
        for (String bad : List.of("", "everyone", "user:", "team:t1/a/b", "user:u 1", "label:")) {
            assertThrows(IllegalArgumentException.class, () -> Role.of(bad), bad);
        }
    }
}
