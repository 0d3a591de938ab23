package io.indobase.realtime.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SoakTest {

    @Test
    void expectsEachEventOnceForEverySteadySubscriberOfItsBucket() {
        // 10 steady subscribers over 4 buckets: buckets 0 and 1 hold 3 (indexes 0,4,8 and 1,5,9), 2 and 3 hold 2
        assertEquals(3 + 3 + 2 + 2, Soak.expected(0, 4, 10, 4));
        assertEquals(3 + 2, Soak.expected(5, 2, 10, 4)); // events 5 and 6: buckets 1 and 2
        assertEquals(17_100 / 100 * 6_620L, Soak.expected(1, 6_620, 17_100, 100));
    }
}
