package io.indobase.realtime.it;

import io.indobase.realtime.testkit.BadInputScenarios;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus against the packaged WAR on Payara Micro, with a watcher that must miss nothing.
 * Scenarios: {@link io.indobase.realtime.testkit.BadInputScenarios}.
 */
class BadInputIT extends OnPayaraMicro {

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
