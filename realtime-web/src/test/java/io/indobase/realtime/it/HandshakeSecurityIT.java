package io.indobase.realtime.it;

import io.indobase.realtime.testkit.SecurityScenarios;
import io.indobase.realtime.testkit.TestBroker;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The handshake matrix on Payara Micro: the file realm created by the post-boot asadmin commands, the test JWT
 * issuer and the test API keys of arquillian.xml (see SecurityFixtures), a real broker for the events.
 */
@ExtendWith({TestBroker.class, ArquillianExtension.class})
class HandshakeSecurityIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        return PackagedWar.war();
    }

    @Test
    void anonymousIsAGuest() throws Exception {
        SecurityScenarios.anonymousIsAGuestAndReadsNoTeamEvent(base);
    }

    @Test
    void realmUsersAreAuthenticatedWithTheirGroupsAsRoles() throws Exception {
        SecurityScenarios.realmUsersAreAuthenticatedWithTheirGroupsAsRoles(base);
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
}
