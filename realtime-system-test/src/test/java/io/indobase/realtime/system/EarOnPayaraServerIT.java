package io.indobase.realtime.system;

import io.indobase.realtime.testkit.EventPathScenarios;
import io.indobase.realtime.testkit.OperationsScenarios;
import io.indobase.realtime.testkit.TestBroker;
import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The built EAR (RAR + EJB jar + skinny WAR) on a real Payara Server 6 domain, configured only through
 * config/payara-server.asadmin, fed by a real Artemis broker.
 */
@ExtendWith({TestBroker.class, ArquillianExtension.class})
class EarOnPayaraServerIT {

    /** The EAR maps its web module to the root context on the domain's default listener. */
    private static final String BASE = "http://127.0.0.1:8080/";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("../realtime-ear/target/realtime.ear"));
    }

    @Test
    void guestReceivesOnlyEventsReadableByAnyOrGuests() throws Exception {
        EventPathScenarios.guestReceivesOnlyEventsReadableByAnyOrGuests(new URL(BASE));
    }

    /** The domain's own JMX connector (8686), health and metrics on the HTTP listener, the admin API in the EAR. */
    @Test
    void operatorsSeeAndControlTheNode() throws Exception {
        OperationsScenarios.operatorsSeeAndControlTheNode(new URL(BASE), new URL(BASE),
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:8686/jmxrmi");
    }
}
