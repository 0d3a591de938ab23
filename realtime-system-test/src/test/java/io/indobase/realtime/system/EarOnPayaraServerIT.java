package io.indobase.realtime.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.OperationsScenarios;
import io.indobase.realtime.testkit.SecurityScenarios;
import io.indobase.realtime.testkit.TestBroker;
import io.indobase.realtime.testkit.WsClient;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built EAR (RAR + EJB jar + skinny WAR) on a real Payara Server 6 domain, configured only through
 * config/payara-server.asadmin, fed by a real Artemis broker.
 * Scenarios: {@link io.indobase.realtime.testkit.EventPathScenarios},
 * {@link io.indobase.realtime.testkit.OperationsScenarios} and {@link io.indobase.realtime.testkit.SecurityScenarios},
 * the same the WAR passes on Payara Micro.
 */
@ExtendWith({TestBroker.class, ArquillianExtension.class})
class EarOnPayaraServerIT {

    /** The EAR maps its web module to the root context on the domain's default listener. */
    private static final String BASE = "http://127.0.0.1:8080/";
    private static final String JMX = "service:jmx:rmi:///jndi/rmi://127.0.0.1:8686/jmxrmi";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("../realtime-ear/target/realtime.ear"));
    }

    @Test
    void guestReceivesOnlyEventsReadableByAnyOrGuests() throws Exception {
        EventPathScenarios.guestReceivesOnlyEventsReadableByAnyOrGuests(new URL(BASE));
    }

    /**
     * The same code authenticates a caller of the file realm created by config/payara-server.asadmin, a MicroProfile
     * JWT bearer token and an API key, and maps their groups to roles, as on Payara Micro.
     */
    @Test
    void realmTokenAndKeyCallersGetTheirRoles() throws Exception {
        SecurityScenarios.realmUsersAreAuthenticatedWithTheirGroupsAsRoles(new URL(BASE));
        SecurityScenarios.aRealmUserWithoutGroupsSignsInWithThePlainUserRoles(new URL(BASE));
        SecurityScenarios.bearerTokensAreCheckedBeforeTheUpgrade(new URL(BASE));
        SecurityScenarios.apiKeysReadTheirWholeProjectAndNothingElse(new URL(BASE));
        SecurityScenarios.ingestPublishesWithAnIngestKeyOnly(new URL(BASE));
    }

    /**
     * Redeploying the EAR stops the old MXBean before the new one starts: the domain never logs
     * InstanceAlreadyExistsException, and the new application is ready and visible over JMX.
     */
    @Test
    void aRedeployLeavesOneWorkingMXBean() throws Exception {
        Path home = Path.of(System.getProperty("payara.home"));
        Path log = home.resolve("glassfish/domains/domain1/logs/server.log");
        Process redeploy = new ProcessBuilder(home.resolve("bin/asadmin").toString(), "redeploy", "--name", "realtime",
                new File("../realtime-ear/target/realtime.ear").getAbsolutePath()).inheritIO().start();
        assertTrue(redeploy.waitFor(180, TimeUnit.SECONDS), "asadmin redeploy did not finish");
        assertEquals(0, redeploy.exitValue());
        try (WsClient client = WsClient.connect(new URL(BASE), "project=redeployed&channels[]=files")) {
            client.next();
            EventPathScenarios.awaitEventPath(client, "redeployed");
        }
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(JMX))) {
            assertEquals(1, jmx.getMBeanServerConnection().queryNames(new ObjectName("io.indobase.realtime:*"), null).size());
        }
        assertFalse(Files.readString(log).contains("InstanceAlreadyExists"), "the domain log mentions InstanceAlreadyExists");
    }

    /** The domain's own JMX connector (8686), health and metrics on the HTTP listener, the admin API in the EAR. */
    @Test
    void operatorsSeeAndControlTheNode() throws Exception {
        OperationsScenarios.operatorsSeeAndControlTheNode(new URL(BASE), new URL(BASE), JMX);
    }
}
