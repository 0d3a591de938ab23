package io.indobase.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.5);

    @Test
    void delaysDoubleFromTheInitialOneUntilTheCap() {
        assertEquals(Duration.ofMillis(500), backoff.delay(1, 0.5));
        assertEquals(Duration.ofMillis(1000), backoff.delay(2, 0.5));
        assertEquals(Duration.ofMillis(8000), backoff.delay(5, 0.5));
        assertEquals(Duration.ofSeconds(30), backoff.delay(7, 0.5));
        assertEquals(Duration.ofSeconds(30), backoff.delay(1000, 0.5), "no overflow however many attempts");
    }

    @Test
    void jitterSpreadsEachDelayByTheFractionBothWaysButNeverPastTheCap() {
        assertEquals(Duration.ofMillis(250), backoff.delay(1, 0.0));
        assertEquals(Duration.ofMillis(750), backoff.delay(1, 0.999999));
        assertEquals(Duration.ofSeconds(15), backoff.delay(20, 0.0));
        assertEquals(Duration.ofSeconds(30), backoff.delay(20, 0.999999));
        for (int attempt = 1; attempt < 40; attempt++) {
            for (double random = 0; random < 1; random += 0.05) {
                Duration delay = backoff.delay(attempt, random);
                assertTrue(!delay.isNegative() && delay.compareTo(backoff.max()) <= 0, attempt + " " + random);
            }
        }
    }

    @Test
    void refusesSettingsThatCannotMakeADelay() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Heartbeat(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }
}
