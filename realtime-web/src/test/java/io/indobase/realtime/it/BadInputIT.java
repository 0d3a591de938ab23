package io.indobase.realtime.it;

import io.indobase.realtime.testkit.BadInputScenarios;
import io.indobase.realtime.testkit.TestBroker;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bad-input corpus against the packaged WAR on Payara Micro, with a watcher that must miss nothing. */
@ExtendWith({TestBroker.class, ArquillianExtension.class})
class BadInputIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive war() {
        return PackagedWar.war();
    }

    @Test
    void everyBadMessageGetsItsDocumentedErrorWhileOthersKeepReceiving() throws Exception {
        BadInputScenarios.everyBadMessageGetsItsErrorAndOthersKeepReceiving(base);
    }

    @Test
    void oddButValidInputIsAccepted() throws Exception {
        BadInputScenarios.oddButValidInputIsAccepted(base);
    }

    @Test
    void aFloodOfMessagesGetsTooManyMessagesAndStaysOpen() throws Exception {
        BadInputScenarios.aFloodOfMessagesGetsTooManyMessages(base);
    }
}
