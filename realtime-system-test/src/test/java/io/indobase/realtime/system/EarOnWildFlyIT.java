package io.indobase.realtime.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.OperationsScenarios;
import io.indobase.realtime.testkit.SecurityScenarios;
import io.indobase.realtime.testkit.TestBroker;
import io.indobase.realtime.testkit.WsClient;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same built EAR as {@code EarOnPayaraServerIT}, on a real WildFly 39 (standalone-full) that
 * src/test/wildfly/server.sh configures only through config/wildfly.cli, with our RAR fed by a real Artemis broker
 * (docs/adr/0010). WebSocket through Undertow, so every Tyrus-specific path takes its portable fallback; the realm
 * is an Elytron properties realm. The EAR is deployed here, after the broker started, as Arquillian does on Payara.
 */
@ExtendWith(TestBroker.class)
class EarOnWildFlyIT {

    private static final int OFFSET = Integer.getInteger("it.wildfly.offset", 200);
    private static final String BASE = "http://127.0.0.1:" + (8080 + OFFSET) + "/";
    private static final String MANAGEMENT = "127.0.0.1:" + (9990 + OFFSET);

    @BeforeAll
    static void deploy() throws Exception {
        cli("deploy --force " + new File("../realtime-ear/target/realtime.ear").getAbsolutePath());
    }

    @AfterAll
    static void undeploy() throws Exception {
        cli("undeploy realtime.ear");
    }

    @Test
    void guestReceivesOnlyEventsReadableByAnyOrGuests() throws Exception {
        EventPathScenarios.guestReceivesOnlyEventsReadableByAnyOrGuests(new URL(BASE));
    }

    /** The Elytron realm of config/wildfly.cli, a MicroProfile JWT bearer token and an API key, as on Payara. */
    @Test
    void realmTokenAndKeyCallersGetTheirRoles() throws Exception {
        SecurityScenarios.realmUsersAreAuthenticatedWithTheirGroupsAsRoles(new URL(BASE));
        SecurityScenarios.bearerTokensAreCheckedBeforeTheUpgrade(new URL(BASE));
        SecurityScenarios.apiKeysReadTheirWholeProjectAndNothingElse(new URL(BASE));
        SecurityScenarios.ingestPublishesWithAnIngestKeyOnly(new URL(BASE));
    }

    /** Undertow has no Tyrus raw frames: the standard-API sender delivers, and pings keep working. */
    @Test
    void theStandardWebSocketPathsDeliverOnUndertow() throws Exception {
        try (WsClient client = WsClient.connect(new URL(BASE), "project=undertow&channels[]=files")) {
            assertEquals("connected", client.next().getString("type"));
            EventPathScenarios.awaitEventPath(client, "undertow");
            client.send("{\"type\":\"ping\"}");
            assertEquals("pong", client.next().getString("type"));
        }
        assertTrue(serverLog().contains("RT-TRN-008") || serverLog().contains("RT-TRN-009"),
                "the transport did not log that it took its standard-API fallback");
    }

    /**
     * Health and metrics on WildFly's management interface, the MXBean over WildFly's JMX remoting connector
     * (jboss-cli-client.jar, local authentication), the admin API in the EAR. WildFly's health/ready lists the
     * application's readiness check since it moved to a library jar, realtime-health in the EAR's lib/ (in the EJB
     * module or the WAR, WildFly showed only its own "ready-deployment.realtime.ear.realtime-web.war"). The
     * realtime_* gauges reach WildFly 39's Prometheus registry only through {@code MeterRegistry.gauge} (see
     * MicrometerGauges: a builder's registration stays in the deployment's wrapper, WFLY-21339). The admin API's BASIC
     * login was answered 401 here until ElytronIdentityStore stopped zeroing the caller's password for the stores
     * after it.
     */
    @Test
    void operatorsSeeAndControlTheNode() throws Exception {
        OperationsScenarios.operatorsSeeAndControlTheNode(new URL(BASE), management(""),
                "service:jmx:remote+http://" + MANAGEMENT);
    }

    private static String serverLog() throws Exception {
        return Files.readString(Path.of(System.getProperty("wildfly.home"), "standalone/log/server.log"));
    }

    private static void cli(String command) throws Exception {
        Path jbossCli = Path.of(System.getProperty("wildfly.home"), "bin", "jboss-cli.sh");
        Process process = new ProcessBuilder(List.of(jbossCli.toString(), "--controller=" + MANAGEMENT, "--connect",
                "--command=" + command)).inheritIO().start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), command + " did not finish");
        assertEquals(0, process.exitValue(), command);
    }

    static URL management(String path) throws Exception {
        return URI.create("http://" + MANAGEMENT + "/" + path).toURL();
    }
}
