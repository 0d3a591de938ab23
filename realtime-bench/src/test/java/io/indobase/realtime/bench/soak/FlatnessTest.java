package io.indobase.realtime.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlatnessTest {

    /** Samples every 10 s from 0 to 600 s whose RSS is {@code rss(t)} KiB; the other series constant. */
    private static List<Sample> samples(java.util.function.DoubleUnaryOperator rss) {
        List<Sample> samples = new ArrayList<>();
        for (int t = 0; t <= 600; t += 10) {
            samples.add(new Sample(t, (long) rss.applyAsDouble(t), 1000, 100, 50));
        }
        return samples;
    }

    private static Flatness rss(List<Sample> samples) {
        return Flatness.of(Sample.SERIES.get(0), samples, 600, Flatness.TOLERANCE);
    }

    @Test
    void comparesTheMedianOfTheLastMinuteWithTheFirst() {
        // first minute 0..50 s: 1024 KiB; last minute 550..600 s: 1024 × 1.04
        Flatness v = rss(samples(t -> t < 60 ? 1024 : t > 540 ? 1024 * 1.04 : 1024 * 1.2));
        assertEquals(1.0, v.first(), 1e-9);
        assertEquals(1.04, v.last(), 1e-3);
        assertEquals(0.04, v.change(), 1e-3);
        assertEquals(1.2, v.max(), 1e-3);
        assertTrue(v.flat(), "4 % is within 5 %, whatever the middle did");
    }

    @Test
    void growthBeyondFivePercentIsNotFlat() {
        Flatness v = rss(samples(t -> 1024 * (1 + t / 6000.0))); // +10 % over the ten minutes
        assertFalse(v.flat());
        assertTrue(v.change() > 0.05 && v.change() < 0.10, "change " + v.change());
    }

    @Test
    void aDropBeyondFivePercentIsNotFlatEither() {
        assertFalse(rss(samples(t -> t < 60 ? 2048 : 1024)).flat());
    }

    @Test
    void oneOutlierInAMinuteDoesNotMoveTheMedian() {
        assertTrue(rss(samples(t -> t == 580 ? 4096 : 1024)).flat());
    }

    @Test
    void judgesEverySeries() {
        List<Flatness> all = Flatness.all(samples(t -> 1024), 600);
        assertEquals(List.of("server RSS", "heap after GC", "open files", "threads"),
                all.stream().map(Flatness::series).toList());
        assertTrue(all.stream().allMatch(Flatness::flat));
    }

    @Test
    void refusesASoakWithoutAFirstOrLastMinute() {
        assertThrows(IllegalArgumentException.class, () -> rss(List.of(new Sample(0, 1, 1, 1, 1))));
        assertThrows(IllegalArgumentException.class, () -> rss(List.of()));
    }
}
