package io.indobase.realtime.it;

import io.indobase.realtime.testkit.OperationsScenarios;
import io.indobase.realtime.testkit.TestBroker;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Health, metrics, the MXBean and the admin API of the packaged WAR on Payara Micro, with a real broker. */
@ExtendWith({TestBroker.class, ArquillianExtension.class})
class OperationsIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        return PackagedWar.war();
    }

    @Test
    void operatorsSeeAndControlTheNode() throws Exception {
        String jmx = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + Integer.getInteger("it.jmx.port") + "/jmxrmi";
        OperationsScenarios.operatorsSeeAndControlTheNode(base, new URL(base, "/"), jmx);
    }
}
