package io.indobase.realtime.it;

import io.indobase.realtime.testkit.HardeningScenarios;
import io.indobase.realtime.testkit.SecurityScenarios;
import org.junit.jupiter.api.Test;

/**
 * The handshake matrix on Payara Micro: the file realm created by the post-boot asadmin commands, the test JWT
 * issuer and the test API keys of arquillian.xml (see SecurityFixtures), a real broker for the events.
 * Scenarios: {@link io.indobase.realtime.testkit.SecurityScenarios} and
 * {@link io.indobase.realtime.testkit.HardeningScenarios}.
 */
class HandshakeSecurityIT extends OnPayaraMicro {

    @Test
    void anonymousIsAGuest() throws Exception {
        SecurityScenarios.anonymousIsAGuestAndReadsNoTeamEvent(base);
    }

    @Test
    void realmUsersAreAuthenticatedWithTheirGroupsAsRoles() throws Exception {
        SecurityScenarios.realmUsersAreAuthenticatedWithTheirGroupsAsRoles(base);
    }

    @Test
    void aRealmUserWithoutGroupsSignsIn() throws Exception {
        SecurityScenarios.aRealmUserWithoutGroupsSignsInWithThePlainUserRoles(base);
    }

    @Test
    void bearerTokensAreCheckedBeforeTheUpgrade() throws Exception {
        SecurityScenarios.bearerTokensAreCheckedBeforeTheUpgrade(base);
    }

    @Test
    void theJwtParameterSignsInOrCloses() throws Exception {
        SecurityScenarios.theJwtParameterSignsInOrClosesWith1008(base);
    }

    @Test
    void theAuthenticationMessageSwitchesRoles() throws Exception {
        SecurityScenarios.theAuthenticationMessageSwitchesRolesOrKeepsTheGuest(base);
    }

    @Test
    void apiKeysReadTheirWholeProject() throws Exception {
        SecurityScenarios.apiKeysReadTheirWholeProjectAndNothingElse(base);
    }

    @Test
    void anExpiringCredentialCloses() throws Exception {
        SecurityScenarios.anExpiringCredentialClosesTheSocketWith1008(base);
    }

    @Test
    void otherOriginsAreRefused() throws Exception {
        SecurityScenarios.browsersFromOtherOriginsAreRefused(base);
    }

    @Test
    void rolesRefreshLive() throws Exception {
        SecurityScenarios.rolesFollowMembershipsAndAnEndedSessionCloses(base);
    }

    @Test
    void ingestNeedsAnIngestKey() throws Exception {
        SecurityScenarios.ingestPublishesWithAnIngestKeyOnly(base);
    }

    @Test
    void lostRolesStayLostOnReconnect() throws Exception {
        HardeningScenarios.lostRolesStayLostOnReconnect(base);
    }

    @Test
    void anIngestKeyOverItsRateGets429() throws Exception {
        // arquillian.xml sets realtime.limits.ingest-per-key-per-minute to 200
        HardeningScenarios.anIngestKeyOverItsRateGets429(base, 200);
    }

    @Test
    void concurrentHandshakesEachEndWithTheirOwnRoles() throws Exception {
        HardeningScenarios.concurrentHandshakesEachEndWithTheirOwnRoles(base, 200);
    }

    @Test
    void thePresenceListRefusesARevokedSession() throws Exception {
        HardeningScenarios.thePresenceListRefusesARevokedSession(base);
    }
}
