package io.indobase.realtime.it;

import io.indobase.realtime.testkit.OperationsScenarios;
import io.indobase.realtime.testkit.ProxyLimitScenarios;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Health, metrics, the MXBean and the admin API of the packaged WAR on Payara Micro, with a real broker, and the
 * per-address limits behind a trusted reverse proxy (this Micro trusts 127.0.0.1 as one, see arquillian.xml).
 * Scenarios: {@link io.indobase.realtime.testkit.OperationsScenarios}, {@link ProxyLimitScenarios}.
 */
class OperationsIT extends OnPayaraMicro {

    @Test
    void operatorsSeeAndControlTheNode() throws Exception {
        String jmx = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + Integer.getInteger("it.jmx.port") + "/jmxrmi";
        OperationsScenarios.operatorsSeeAndControlTheNode(base, new URL(base, "/"), jmx);
    }

    @Test
    void aGuesserBehindTheProxyLocksOutOnlyItself() throws Exception {
        ProxyLimitScenarios.failedLoginsLockOutTheGuesserOnly(base);
    }

    @Test
    void socketsAreCappedPerClientAndPerProject() throws Exception {
        ProxyLimitScenarios.socketsAreCappedPerClientAndPerProject(base);
    }
}
