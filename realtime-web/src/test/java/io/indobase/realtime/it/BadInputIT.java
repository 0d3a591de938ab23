package io.indobase.realtime.it;

import io.indobase.realtime.testkit.BadInputScenarios;
import io.indobase.realtime.testkit.GeneratedInputScenarios;
import io.indobase.realtime.testkit.RawFrameScenarios;
import org.junit.jupiter.api.Test;

/**
 * Bad input against the packaged WAR on Payara Micro, with a watcher that must miss nothing: the hand-written corpus,
 * a seeded sample of the generated messages and envelopes (the generators' full runs are unit tests:
 * {@code GeneratedFramesTest}, {@code GeneratedEnvelopesTest}), and frames that break RFC 6455.
 * Scenarios: {@link BadInputScenarios}, {@link GeneratedInputScenarios}, {@link RawFrameScenarios}.
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

    @Test
    void aSampleOfGeneratedMessagesGetsTheirDocumentedAnswersOverTheWire() throws Exception {
        GeneratedInputScenarios.aSampleOfGeneratedMessagesGetsItsAnswersWhileTheWatcherMissesNothing(base);
    }

    @Test
    void aSampleOfGeneratedEnvelopesIsDroppedWhileEveryValidOneArrivesInOrder() throws Exception {
        GeneratedInputScenarios.aSampleOfGeneratedEnvelopesIsDroppedWhileTheWatcherGetsEveryValidOne(base);
    }

    @Test
    void framesThatBreakTheWebSocketProtocolGetTheirCloseCodes() throws Exception {
        RawFrameScenarios.everyFrameThatBreaksTheProtocolGetsItsCloseCodeWhileTheWatcherMissesNothing(base);
    }
}
