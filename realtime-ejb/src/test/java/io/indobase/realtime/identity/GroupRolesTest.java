package io.indobase.realtime.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The documented group-to-role mapping (docs/security.md) as a table. */
class GroupRolesTest {

    @Test
    void mapsTeamsTeamRolesLabelsAndTheVerifiedMarker() {
        assertEquals(Set.of("user:alice", "users", "user:alice/verified", "users/verified", "team:t1", "team:t1/owner",
                        "team:t1/editor", "team:t2", "label:vip"),
                GroupRoles.DEFAULT.identity("alice", List.of("team:t1/owner", "team:t1/editor", "team:t2",
                        "label:vip", "verified", "staff", "team:", "label:")).roles());
    }

    @Test
    void aCallerWithoutGroupsIsAnUnverifiedUser() {
        assertEquals(Set.of("user:bob", "users", "user:bob/unverified", "users/unverified"),
                GroupRoles.DEFAULT.identity("bob", List.of()).roles());
    }

    @Test
    void prefixesAreConfigurableForRealmsThatCannotNameGroupsWithColons() {
        GroupRoles dotted = new GroupRoles("team.", ".", "label.", "email-verified");
        assertEquals(Set.of("user:c", "users", "user:c/verified", "users/verified", "team:t1", "team:t1/admin",
                "label:gold"), dotted.identity("c", List.of("team.t1.admin", "label.gold", "email-verified")).roles());
    }

    @Test
    void anEmptyPrefixSwitchesTheRuleOff() {
        GroupRoles noLabels = new GroupRoles("team:", "/", "", "");
        assertEquals(Set.of("user:d", "users", "user:d/unverified", "users/unverified"),
                noLabels.identity("d", List.of("label:vip", "verified")).roles());
    }

    @Test
    void groupsThatWouldPoseAsOtherRolesGiveNothingAndSuchCallersAreRefused() {
        GroupRoles dotted = new GroupRoles("team.", ".", "label.", "verified");
        assertEquals(Set.of("user:c", "users", "user:c/unverified", "users/unverified"),
                dotted.identity("c", List.of("team.demo/owner", "label.a:b", "team.x y")).roles());
        for (String caller : new String[] {"victim/verified", "a:b", "with space", ""}) {
            assertThrows(IllegalArgumentException.class, () -> GroupRoles.DEFAULT.identity(caller, List.of()), caller);
        }
    }
}
