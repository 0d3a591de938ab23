package io.indobase.realtime.bench.soak;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** One reading of the server, {@code seconds} after the soak's warm-up ended. */
public record Sample(double seconds, long rssKib, long heapKib, int fds, int threads) {

    /** One of the four series a soak samples: its name, its unit and how a sample gives it. */
    public record Series(String name, String unit, ToDoubleFunction<Sample> value) {
    }

    public static final List<Series> SERIES = List.of(
            new Series("server RSS", "MiB", s -> s.rssKib() / 1024.0),
            new Series("heap after GC", "MiB", s -> s.heapKib() / 1024.0),
            new Series("open files", "fds", Sample::fds),
            new Series("threads", "threads", Sample::threads));

    /** A line of the soak's CSV ({@link #CSV_HEADER}). */
    public String csv() {
        return String.format(java.util.Locale.ROOT, "%.1f,%d,%d,%d,%d", seconds, rssKib, heapKib, fds, threads);
    }

    public static final String CSV_HEADER = "seconds,rss_kib,heap_after_gc_kib,fds,threads";
}
