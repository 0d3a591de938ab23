package io.indobase.realtime.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.permission.Identity;
import io.indobase.realtime.permission.Membership;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What events took away stays away for credentials issued before: revoked users and sessions, and lost roles (a
 * membership or team deleted, a label removed, verification lost), per project and bounded per project.
 */
class RevocationsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
    private final Revocations revocations = new Revocations(86_400_000, 3, clock::get);

    private static final Identity BOB = Identity.user("bob", true,
            List.of(new Membership("t1", null, List.of("owner"), true), new Membership("t2", null, List.of(), true)),
            List.of("vip", "beta"));

    private Instant before() {
        return Instant.ofEpochMilli(clock.get() - 5_000);
    }

    private Instant after() {
        return Instant.ofEpochMilli(clock.get() + 5_000);
    }

    @Test
    void aLostMembershipIsWithheldFromCredentialsIssuedBeforeTheLoss() {
        revocations.loseTeam("p1", "bob", "t1");
        Identity current = revocations.current("p1", BOB, before());
        assertFalse(current.roles().contains("team:t1"));
        assertFalse(current.roles().contains("team:t1/owner"));
        assertTrue(current.roles().contains("team:t2"));
        assertTrue(revocations.current("p1", BOB, after()).roles().contains("team:t1"), "a token issued after says so again");
        assertFalse(revocations.current("p1", BOB, null).roles().contains("team:t1"), "no issue time: withheld");
        assertTrue(revocations.current("p2", BOB, null).roles().contains("team:t1"), "per project");
    }

    @Test
    void aNewMembershipGivesTheTeamBackWhateverTheCredentialsAge() {
        revocations.loseTeam("p1", "bob", "t1");
        clock.addAndGet(1_000);
        revocations.regainTeam("p1", "bob", "t1");
        assertTrue(revocations.current("p1", BOB, null).roles().contains("team:t1"));
    }

    @Test
    void aDeletedTeamIsWithheldFromEveryUserOfTheProject() {
        revocations.deleteTeam("p1", "t2");
        assertFalse(revocations.current("p1", BOB, before()).roles().contains("team:t2"));
        Identity eve = Identity.user("eve", false, List.of(new Membership("t2", "m9", List.of(), true)), List.of());
        assertFalse(revocations.current("p1", eve, null).roles().contains("member:m9"));
        clock.addAndGet(1_000);
        revocations.regainTeam("p1", "eve", "t2");
        assertTrue(revocations.current("p1", eve, null).roles().contains("team:t2"), "a membership after the delete");
        assertFalse(revocations.current("p1", BOB, null).roles().contains("team:t2"));
    }

    @Test
    void removedLabelsAndLostVerificationAreWithheld() {
        revocations.labels("p1", "bob", List.of("vip"));
        revocations.verification("p1", "bob", false);
        Identity current = revocations.current("p1", BOB, before());
        assertEquals(List.of("vip"), current.labels());
        assertTrue(current.roles().contains("users/unverified"));
        assertEquals(BOB, revocations.current("p1", BOB, after()));
        revocations.verification("p1", "bob", true);
        assertTrue(revocations.current("p1", BOB, before()).verified(), "verified again");
    }

    @Test
    void revokedUsersAndSessionsAreRefusedUntilRestored() {
        revocations.revokeUser("p1", "eve");
        revocations.revokeSession("p1", "bob", "s1");
        assertTrue(revocations.isRevoked("p1", "eve", null));
        assertTrue(revocations.isRevoked("p1", "bob", "s1"));
        assertFalse(revocations.isRevoked("p1", "bob", "s2"));
        assertFalse(revocations.isRevoked("p2", "eve", null));
        revocations.restoreUser("p1", "eve");
        assertFalse(revocations.isRevoked("p1", "eve", null));
    }

    @Test
    void everythingLapsesAfterTheTtl() {
        revocations.revokeUser("p1", "eve");
        revocations.loseTeam("p1", "bob", "t1");
        clock.addAndGet(86_400_001);
        assertFalse(revocations.isRevoked("p1", "eve", null));
        assertTrue(revocations.current("p1", BOB, null).roles().contains("team:t1"));
    }

    @Test
    void oneProjectCannotEvictAnotherProjectsRevocations() {
        revocations.revokeUser("p1", "eve");
        for (int i = 0; i < 1_000; i++) {
            revocations.revokeUser("flood", "u" + i);
        }
        assertTrue(revocations.isRevoked("p1", "eve", null));
        assertTrue(revocations.isRevoked("flood", "u999", null));
        assertFalse(revocations.isRevoked("flood", "u0", null), "the flooding project's own oldest go first");
        assertEquals(997, revocations.evicted());
    }
}
