package io.indobase.realtime.system;

import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.MicroNode;
import io.indobase.realtime.testkit.OperationsScenarios;
import io.indobase.realtime.testkit.SecurityFixtures;
import io.indobase.realtime.testkit.SecurityScenarios;
import io.indobase.realtime.testkit.TestBroker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payara 7 (Jakarta EE 11) on Java 21+: no Payara Server 7 distribution is served on Maven Central, so the closest
 * runtime, Payara Micro 7, runs the same 17-bytecode WAR and RAR on the JDK that {@code it.java21.home} names, and
 * passes the checks {@code EarOnPayaraServerIT} runs (event path, realm, token, key, ingest, operations). It failed to
 * deploy until the RAR carried SLF4J 1.7 (docs/operations.md, Logging). Off unless -Dpayara7-on; bin/realtime test
 * --servers turns it on with a JDK 21+ it finds.
 */
@ExtendWith(TestBroker.class)
class WarOnPayaraMicro7IT {

    private static MicroNode node;
    private static int jmxPort;

    @BeforeAll
    static void start() throws Exception {
        Path target = Path.of("target");
        jmxPort = MicroNode.freePort();
        node = new MicroNode(target.resolve("payara7/payara-micro.jar"), target.resolve("payara7/artemis-rar.rar"),
                target.resolve("payara7/realtime-web.war"), target.resolve("payara7/node"), Map.of(
                "realtime.jms.connection-parameters", "host=127.0.0.1;port=" + Integer.getInteger("it.broker.port", 61626),
                "realtime.admin.users", OperationsScenarios.ADMIN_USERS,
                "mp.jwt.verify.publickey.location", Path.of("../realtime-testkit/src/main/resources/io/indobase/realtime/testkit/jwt-test-public.pem").toAbsolutePath().toString(),
                "mp.jwt.verify.issuer", "https://issuer.test.indobase.io",
                "realtime.identity.team-prefix", "team.", "realtime.identity.team-role-separator", ".",
                "realtime.identity.label-prefix", "label.", "realtime.keys", SecurityFixtures.KEYS_CONFIG,
                "realtime.limits.connections-per-ip-per-minute", "100000"))
                .javaHome(Path.of(System.getProperty("it.java21.home")))
                .javaOptions(List.of("-Xmx384m", "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                        "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort, "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                        "-Djava.rmi.server.hostname=127.0.0.1", "-Dcom.sun.management.jmxremote.authenticate=false",
                        "-Dcom.sun.management.jmxremote.ssl=false"));
        node.start();
        node.awaitReady(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void guestReceivesOnlyEventsReadableByAnyOrGuests() throws Exception {
        EventPathScenarios.guestReceivesOnlyEventsReadableByAnyOrGuests(node.base());
    }

    @Test
    void realmTokenAndKeyCallersGetTheirRoles() throws Exception {
        SecurityScenarios.realmUsersAreAuthenticatedWithTheirGroupsAsRoles(node.base());
        SecurityScenarios.bearerTokensAreCheckedBeforeTheUpgrade(node.base());
        SecurityScenarios.apiKeysReadTheirWholeProjectAndNothingElse(node.base());
        SecurityScenarios.ingestPublishesWithAnIngestKeyOnly(node.base());
    }

    /** Health and metrics on the node, the MXBean over the JVM's own JMX connector, the admin API in the WAR. */
    @Test
    void operatorsSeeAndControlTheNode() throws Exception {
        OperationsScenarios.operatorsSeeAndControlTheNode(node.base(), node.base(),
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
    }
}
