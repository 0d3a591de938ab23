package io.indobase.realtime.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoakSectionTest {

    private static final String SECTION = "## Soak: 19,000 sockets\n\nfigures\n";

    @Test
    void aFullRunKeepsTheSoakSectionOfTheReportItReplaces() {
        String previous = "# Benchmarks\n\n## S1: idle\n\nold\n\n" + SECTION + "\n## SC: scale-out\n\nsc\n";
        String fresh = "# Benchmarks\n\n## S1: idle\n\nnew\n";
        String written = SoakSection.carry(previous, fresh);
        assertTrue(written.startsWith(fresh.stripTrailing()), written);
        assertTrue(written.endsWith(SECTION), written);
        assertFalse(written.contains("old"));
    }

    @Test
    void aSoakReplacesItsOwnSectionAndNothingElse() {
        String report = "# Benchmarks\n\n## S1: idle\n\ns1\n\n" + SECTION + "\n## SC: scale-out\n\nsc\n";
        String written = SoakSection.replace(report, "## Soak: again\n\nsecond\n");
        assertEquals(1, written.split("## Soak:", -1).length - 1, written);
        assertTrue(written.contains("## S1: idle\n\ns1") && written.contains("## SC: scale-out\n\nsc"), written);
        assertTrue(written.endsWith("## Soak: again\n\nsecond\n"), written);
    }

    @Test
    void aReportWithoutASoakGetsOneAtTheEndAndStaysAsItWasWithoutOne() {
        String report = "# Benchmarks\n\n## S1: idle\n";
        assertEquals(report, SoakSection.carry("# Benchmarks\n", report));
        assertTrue(SoakSection.replace(report, SECTION).endsWith("\n\n" + SECTION));
    }

    @Test
    void theSectionStatesTheVerdictTheFiguresAndThePlot() {
        List<Sample> samples = new ArrayList<>();
        for (int t = 0; t <= 600; t += 10) {
            samples.add(new Sample(t, 900 * 1024, 500 * 1024, 19_300, 120));
        }
        SoakFigures f = new SoakFigures("today", 19_000, 19_000, 17_100, 1_900, 60, 600, 10, 100, 190, 6_620, 1_132_020,
                1_132_020, 0, 0, 0, 125_000, 125_000, 0, 80_000, 40_000, 30_000, 20, 5, 480 * 1024, 481 * 1024,
                "Copy 40, MarkSweepCompact 0", SoakFigures.FULL_GC, samples);
        String md = SoakSection.markdown(f, "soak.svg");
        assertEquals(md, SoakSection.extract("# Benchmarks\n\n" + md), "one section, no inner ## heading");
        assertTrue(md.contains("Verdict: **passed**"), md);
        assertTrue(md.contains("![The soak's four series](soak.svg)"), md);
        assertTrue(md.contains("| server RSS (MiB) | 900 | 900 | +0.0 % | 900 | 900 | yes |"), md);
        assertTrue(md.contains("**0 lost**"), md);
    }
}
