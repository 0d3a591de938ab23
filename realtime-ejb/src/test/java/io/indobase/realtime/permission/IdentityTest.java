package io.indobase.realtime.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Appwrite's User::getRoles (shared/reference/appwrite-realtime.md §5.1) as a table. */
class IdentityTest {

    @Test
    void aGuestHoldsGuestsAndNothingElse() {
        assertEquals(Set.of("guests"), Identity.GUEST.roles());
    }

    @Test
    void aVerifiedUserHoldsTheVerifiedForms() {
        assertEquals(Set.of("user:u1", "users", "user:u1/verified", "users/verified"),
                Identity.user("u1", true, List.of(), List.of()).roles());
    }

    @Test
    void anUnverifiedUserHoldsTheUnverifiedForms() {
        assertEquals(Set.of("user:u1", "users", "user:u1/unverified", "users/unverified"),
                Identity.user("u1", false, List.of(), List.of()).roles());
    }

    @Test
    void confirmedMembershipsGrantTeamMemberAndTeamRoleLabelsGrantLabel() {
        Identity identity = Identity.user("u1", true, List.of(
                new Membership("t1", "m1", List.of("owner", "editor"), true),
                new Membership("t2", "m2", List.of("owner"), false)), List.of("vip"));
        assertEquals(Set.of("user:u1", "users", "user:u1/verified", "users/verified", "team:t1", "member:m1",
                "team:t1/owner", "team:t1/editor", "label:vip"), identity.roles());
    }

    @Test
    void nobodyHoldsAny() {
        assertEquals(false, Identity.user("u1", true, List.of(), List.of("any")).roles().contains("any"));
    }

    @Test
    void aBlankUserIdIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Identity.user(" ", true, List.of(), List.of()));
    }
}
