package io.indobase.realtime.it;

import io.indobase.realtime.testkit.TestBroker;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every IT of the packaged WAR shares: a real Artemis broker in the test JVM, the WAR deployed on the Payara
 * Micro that arquillian.xml describes, and its base URL.
 */
@ExtendWith({TestBroker.class, ArquillianExtension.class})
abstract class OnPayaraMicro {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        return PackagedWar.war();
    }
}
