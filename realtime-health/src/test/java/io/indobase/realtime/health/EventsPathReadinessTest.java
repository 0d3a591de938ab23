package io.indobase.realtime.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class EventsPathReadinessTest {

    @Test
    void notReadyUntilTheCoreHandsItsProbeOverThenAsTheProbeSays() {
        assertFalse(EventsPathReadiness.ready(), "a node whose core has not started is not ready");
        AtomicBoolean eventsComeBack = new AtomicBoolean();
        EventsPathReadiness.use(eventsComeBack::get);
        assertFalse(EventsPathReadiness.ready());
        eventsComeBack.set(true);
        assertTrue(EventsPathReadiness.ready());
    }
}
